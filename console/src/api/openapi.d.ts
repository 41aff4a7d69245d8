// Generated from Klaxon's OpenAPI document by scripts/console-api-types.mjs: do not edit.
export interface paths {
    "/actions/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An email page's action link: a page asking to confirm (nothing is done on GET) */
        get: operations["EmailActions_confirm"];
        put?: never;
        /** An email page's action link, confirmed: acknowledges or resolves the incident */
        post: operations["EmailActions_perform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (without the keys themselves) */
        get: operations["ApiKeys_list"];
        put?: never;
        /** Create an API key (the key is shown only in this response) */
        post: operations["ApiKeys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (effective within 5 seconds everywhere) */
        delete: operations["ApiKeys_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List changes made through the API, newest first */
        get: operations["AuditLog_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List chat destinations */
        get: operations["ChatDestinations_list"];
        put?: never;
        /** Create a chat destination (a Teams or Mattermost webhook, or a Slack channel) */
        post: operations["ChatDestinations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-destinations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a chat destination */
        get: operations["ChatDestinations_get"];
        put?: never;
        post?: never;
        /** Delete a chat destination that no escalation policy targets */
        delete: operations["ChatDestinations_remove"];
        options?: never;
        head?: never;
        /** Change a chat destination */
        patch: operations["ChatDestinations_update"];
        trace?: never;
    };
    "/api/v1/escalation-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List escalation policies */
        get: operations["EscalationPolicies_list"];
        put?: never;
        /** Create an escalation policy */
        post: operations["EscalationPolicies_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an escalation policy */
        get: operations["EscalationPolicies_get"];
        /** Replace an escalation policy */
        put: operations["EscalationPolicies_update"];
        post?: never;
        /** Delete an escalation policy */
        delete: operations["EscalationPolicies_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-routers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List event routers */
        get: operations["EventRouters_list"];
        put?: never;
        /** Create an event router (its routing key works wherever an integration key does) */
        post: operations["EventRouters_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-routers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an event router with its per-rule hit counts */
        get: operations["EventRouters_get"];
        put?: never;
        post?: never;
        /** Delete an event router (its key stops working; its incidents stay) */
        delete: operations["EventRouters_remove"];
        options?: never;
        head?: never;
        /** Update an event router (absent fields stay; new rules or fallback restart the hit counts) */
        patch: operations["EventRouters_update"];
        trace?: never;
    };
    "/api/v1/event-routers/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test an event router: which rule an event matches and what would happen (nothing is recorded) */
        post: operations["RouterTest_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live incident events (Server-Sent Events)
         * @description An `incident` event with `{id, number, status, level, updatedAt}` within a second of any change to an incident made by any Klaxon process; `ready` when the stream (re)opens and `resync` after a gap (reload what you show); a comment every 15 s. Streams close after 5 minutes and EventSource reconnects.
         */
        get: operations["LiveEvents_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incident-numbers/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an incident by its number (#42), with its alerts and timeline
         * @description The same answer as GET /api/v1/incidents/{id}.
         */
        get: operations["IncidentNumbers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List incidents, newest first, by status and service */
        get: operations["Incidents_list"];
        put?: never;
        /** Open an incident by hand: page a service, or people, schedules or an escalation policy directly */
        post: operations["DirectPaging_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an incident with its alerts and timeline */
        get: operations["Incidents_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an incident: paging stops */
        post: operations["Incidents_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate an incident to the next level of its policy now */
        post: operations["Incidents_escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an incident's notes, oldest first */
        get: operations["Incidents_listNotes"];
        put?: never;
        /** Add a note: a timeline entry, and a reply in the incident's Slack threads */
        post: operations["Incidents_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every page of an incident: who, where, its state and Twilio’s delivery reports */
        get: operations["IncidentNotifications_ofIncident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an incident */
        post: operations["Incidents_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream incidents opened in a range, with all their alerts and timeline, as NDJSON (for archiving) */
        get: operations["Incidents_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List maintenance windows */
        get: operations["MaintenanceWindows_list"];
        put?: never;
        /** Create a maintenance window */
        post: operations["MaintenanceWindows_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a maintenance window */
        get: operations["MaintenanceWindows_get"];
        put?: never;
        post?: never;
        /** Delete a maintenance window that has not started */
        delete: operations["MaintenanceWindows_remove"];
        options?: never;
        head?: never;
        /** Edit a maintenance window that has not started (absent fields stay as they are) */
        patch: operations["MaintenanceWindows_update"];
        trace?: never;
    };
    "/api/v1/maintenance-windows/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an active maintenance window now */
        post: operations["MaintenanceWindows_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call at an instant (default now), for every escalation policy level */
        get: operations["OnCall_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incident figures per service and ISO week (UTC): opened, acknowledged, resolved, time to acknowledge and resolve, escalations */
        get: operations["IncidentReports_weekly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List schedules */
        get: operations["Schedules_list"];
        put?: never;
        /** Create a schedule (layers of rotations, with restrictions) */
        post: operations["Schedules_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a schedule, with who is on call now and the next gap */
        get: operations["Schedules_get"];
        /** Replace a schedule */
        put: operations["Schedules_update"];
        post?: never;
        /** Delete a schedule */
        delete: operations["Schedules_remove"];
        options?: never;
        head?: never;
        /** Change some of a schedule’s name, time zone and layers; the rest is kept */
        patch: operations["Schedules_patch"];
        trace?: never;
    };
    "/api/v1/schedules/{id}/ical": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule's shifts as an iCalendar feed (the schedule's calendar token is the credential) */
        get: operations["Schedules_ical"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/oncall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call on a schedule at an instant (default now) */
        get: operations["Schedules_onCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a schedule's overrides */
        get: operations["Schedules_listOverrides"];
        put?: never;
        /** Add an override: someone else is on call for a while */
        post: operations["Schedules_addOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an override */
        delete: operations["Schedules_removeOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hours on call per user in a window (default the last 30 days), and the gaps */
        get: operations["Schedules_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shifts of a schedule in a window (default the next 7 days) */
        get: operations["Schedules_shifts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List services */
        get: operations["Services_list"];
        put?: never;
        /** Create a service */
        post: operations["Services_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a service */
        get: operations["Services_get"];
        /** Replace a service */
        put: operations["Services_replace"];
        post?: never;
        /** Delete a service, its integrations, heartbeat monitors and incidents */
        delete: operations["Services_remove"];
        options?: never;
        head?: never;
        /** Update a service (absent fields stay as they are) */
        patch: operations["Services_update"];
        trace?: never;
    };
    "/api/v1/services/{id}/heartbeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a service's heartbeat monitors */
        get: operations["Services_listHeartbeats"];
        put?: never;
        /** Add a heartbeat monitor: an incident opens when pings stop */
        post: operations["Services_addHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/heartbeats/{monitorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a heartbeat monitor */
        delete: operations["Services_removeHeartbeat"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a service's integrations */
        get: operations["Services_listIntegrations"];
        put?: never;
        /** Add an integration (a webhook key) to a service */
        post: operations["Services_addIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/integrations/{integrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an integration (its key stops working) */
        delete: operations["Services_removeIntegration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The console session of this request
         * @description Answers the session cookie only; an API key gets a 401.
         */
        get: operations["Session_get"];
        put?: never;
        post?: never;
        /**
         * Sign out
         * @description Ends the session of the cookie sent (X-CSRF-Token required) and clears the cookie.
         */
        delete: operations["Session_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/api-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the console with an admin API key
         * @description Sets the klaxon_session cookie. The session belongs to no user.
         */
        post: operations["Session_signInWithApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/email-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email me a sign-in link
         * @description Always 202, whether or not a user has this email. The link is valid 15 minutes, once.
         */
        post: operations["EmailSignIn_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/email-link/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with an emailed link
         * @description The console's Confirm button posts the token of the link; it works once.
         */
        post: operations["EmailSignIn_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which sign-in methods the console offers */
        get: operations["Session_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List live console sessions
         * @description Neither signed out, revoked nor expired; newest first, at most 500.
         */
        get: operations["SessionsAdmin_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a console session
         * @description Its next request is a 401.
         */
        delete: operations["SessionsAdmin_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams */
        get: operations["Teams_list"];
        put?: never;
        /** Create a team */
        post: operations["Teams_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team */
        get: operations["Teams_get"];
        put?: never;
        post?: never;
        /** Delete a team */
        delete: operations["Teams_remove"];
        options?: never;
        head?: never;
        /** Rename a team or replace its members */
        patch: operations["Teams_update"];
        trace?: never;
    };
    "/api/v1/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a member to a team */
        post: operations["Teams_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from a team */
        delete: operations["Teams_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["Users_list"];
        put?: never;
        /** Create a user */
        post: operations["Users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user with contact methods and notification rules */
        get: operations["Users_get"];
        put?: never;
        post?: never;
        /** Delete a user */
        delete: operations["Users_remove"];
        options?: never;
        head?: never;
        /** Update a user (absent fields stay as they are); a user may change their own name and time zone */
        patch: operations["Users_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a contact method (SMS, voice, email or Slack) to a user */
        post: operations["Users_addContactMethod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods/{cmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a contact method and its notification rules */
        delete: operations["Users_removeContactMethod"];
        options?: never;
        head?: never;
        /** Enable or disable a contact method */
        patch: operations["Users_updateContactMethod"];
        trace?: never;
    };
    "/api/v1/users/{id}/handoff-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's latest handoff and shift-change messages with their delivery state */
        get: operations["HandoffRules_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/handoff-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's handoff rules */
        get: operations["HandoffRules_list"];
        put?: never;
        /** Add a handoff rule: tell this contact method when the user goes on or off call */
        post: operations["HandoffRules_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/handoff-rules/{handoffRuleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a handoff rule */
        get: operations["HandoffRules_get"];
        put?: never;
        post?: never;
        /** Delete a handoff rule and its pending notifications */
        delete: operations["HandoffRules_remove"];
        options?: never;
        head?: never;
        /** Change a handoff rule (absent fields stay as they are) */
        patch: operations["HandoffRules_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/notification-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a notification rule: page this contact method this many minutes into an incident */
        post: operations["Users_addRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/notification-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a notification rule */
        delete: operations["Users_removeRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/slack-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a user to the Slack member with the same email (Slack's users.lookupByEmail) */
        post: operations["SlackLink_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List outgoing webhooks */
        get: operations["Webhooks_list"];
        put?: never;
        /** Create an outgoing webhook (the signing secret is in this response only) */
        post: operations["Webhooks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an outgoing webhook */
        get: operations["Webhooks_get"];
        put?: never;
        post?: never;
        /** Delete an outgoing webhook and its deliveries */
        delete: operations["Webhooks_remove"];
        options?: never;
        head?: never;
        /** Edit an outgoing webhook (absent fields stay as they are) */
        patch: operations["Webhooks_update"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a webhook's deliveries and their attempts */
        get: operations["Webhooks_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (a new 24-hour retry window) */
        post: operations["Webhooks_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (never touches the database) */
        get: operations["Health_healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/heartbeats/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ping a heartbeat monitor (the monitor's key in the path is the credential; any body or none) */
        post: operations["Heartbeats_ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/i/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident page an SMS page's short link opens, with Acknowledge and Resolve buttons */
        get: operations["IncidentLink_show"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/i/{token}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge the incident of a short link, as the paged user (once per link) */
        post: operations["IncidentLink_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/i/{token}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve the incident of a short link, as the paged user (once per link) */
        post: operations["IncidentLink_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{key}/alertmanager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a Prometheus Alertmanager webhook (the integration key in the path is the credential) */
        post: operations["Webhooks_alertmanager"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{key}/generic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receive a generic alert as query parameters, for tools that can only open a URL */
        get: operations["Webhooks_genericGet"];
        put?: never;
        /** Receive a generic JSON alert (the integration key in the path is the credential) */
        post: operations["Webhooks_generic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{key}/grafana": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a Grafana alerting webhook (the key in the path, and the signature when the integration has a secret) */
        post: operations["Webhooks_grafana"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers within a second */
        get: operations["Health_readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slack/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Slack: button clicks (interactivity), the /oncall and /page slash commands and URL verification */
        post: operations["SlackEvents_events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio: an SMS reply from a person paged (ack, resolve, help); answers TwiML */
        post: operations["TwilioSms_inbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/sms/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio: an SMS delivery status callback */
        post: operations["TwilioSms_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/voice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Twilio: the TwiML of a page's voice call (fetched with GET) */
        get: operations["TwilioVoice_twiml"];
        put?: never;
        /** Twilio: the TwiML of a page's voice call (fetched with POST) */
        post: operations["TwilioVoice_twimlPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/voice/gather": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio: the key pressed during a voice page (4 acknowledges, 6 resolves, 5 escalates) */
        post: operations["TwilioVoice_gather"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/twilio/voice/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio: a voice call status callback */
        post: operations["TwilioVoice_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opsgenie: create an alert (opens an incident, or adds to the open one with its alias) */
        post: operations["Opsgenie_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts/{identifier}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opsgenie: acknowledge, close (resolve) or add a note to an alert (the incident) */
        post: operations["Opsgenie_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Opsgenie: the outcome of an earlier request */
        get: operations["Opsgenie_requestStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PagerDuty Events API v2 (drop-in): routing_key in the body is the credential */
        post: operations["EventsV2_enqueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActionsDto: {
            /**
             * @description record nothing (counted in the hit counters and metrics)
             * @example true
             * @enum {boolean}
             */
            drop?: true;
            /** @description send the event to this service (exactly one of route or drop) */
            route?: components["schemas"]["ServiceRefDto"];
            /**
             * @description with route: replaces the event's severity
             * @example critical
             * @enum {string}
             */
            severity?: "critical" | "error" | "warning" | "info";
            /**
             * @description with route: record the incident as suppressed (listed, never pages)
             * @example false
             */
            suppress?: boolean;
        };
        ActorResponse: {
            /**
             * @description through which channel
             * @example sms
             */
            channel: string;
            /**
             * @description its id; null for the system
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            id: string | null;
            /**
             * @description its name
             * @example Ada Lovelace
             */
            name: string | null;
            /**
             * @description what kind of actor
             * @example user
             * @enum {string}
             */
            type: "user" | "api-key" | "system" | "integration";
        };
        AddMemberDto: {
            /**
             * Format: uuid
             * @description the user to add
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string;
        };
        AddNoteDto: {
            /**
             * @description the note, trimmed; line breaks are kept
             * @example Rolled back deploy 2026-11-30.3; watching error rates
             */
            text: string;
        };
        AlertmanagerAlert: {
            /**
             * @description the alert annotations
             * @example {
             *       "summary": "Disk full on db-1"
             *     }
             */
            annotations?: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description when it resolved
             * @example 0001-01-01T00:00:00Z
             */
            endsAt?: string;
            /**
             * @description the alert's identity within the incident
             * @example c1a2b3d4e5f60718
             */
            fingerprint?: string;
            /**
             * @description a link to the alert source
             * @example http://prometheus:9090/graph
             */
            generatorURL?: string;
            /**
             * @description the alert labels
             * @example {
             *       "alertname": "DiskFull",
             *       "instance": "db-1"
             *     }
             */
            labels: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description when the alert started firing
             * @example 2026-11-30T09:00:00Z
             */
            startsAt?: string;
            /**
             * @description the alert status
             * @example firing
             * @enum {string}
             */
            status: "firing" | "resolved";
        };
        AlertmanagerWebhookBody: {
            /** @description every alert of the group, kept on the incident by fingerprint */
            alerts: components["schemas"]["AlertmanagerAlert"][];
            /**
             * @description summary becomes the incident title
             * @example {
             *       "summary": "Disk full on db-1"
             *     }
             */
            commonAnnotations?: {
                [key: string]: string;
            };
            /**
             * @description severity and instance (or job) are read from here
             * @example {
             *       "alertname": "DiskFull",
             *       "severity": "critical",
             *       "instance": "db-1"
             *     }
             */
            commonLabels?: {
                [key: string]: string;
            };
            /**
             * @description a link back to Alertmanager (or Grafana)
             * @example http://alertmanager:9093
             */
            externalURL?: string;
            /**
             * @description the alert group: one incident per group (the dedup key)
             * @example {}:{alertname="DiskFull"}
             */
            groupKey: string;
            /**
             * @description resolved (every alert of the group resolved) resolves the incident
             * @example firing
             * @enum {string}
             */
            status: "firing" | "resolved";
            /**
             * @description the webhook format version: 4 from Alertmanager, 1 from Grafana
             * @example 4
             */
            version: string;
        };
        AlertResponse: {
            /**
             * @description what the alert asked for
             * @example trigger
             * @enum {string}
             */
            action: "trigger" | "acknowledge" | "resolve";
            /**
             * @description what the source sent besides the title (labels, annotations, custom_details), credentials redacted
             * @example {
             *       "labels": {
             *         "alertname": "DiskFull"
             *       }
             *     }
             */
            details: {
                [key: string]: unknown;
            };
            /**
             * @description the alert's identity within the incident, when the source has one
             * @example c1a2b3d4e5f60718
             */
            fingerprint: string | null;
            /**
             * @description the first payload, once a repeat replaced `payload` (credentials redacted); null while `payload` is the first
             * @example {
             *       "routing_key": "[redacted]",
             *       "event_action": "trigger",
             *       "payload": {
             *         "summary": "Disk full on db-1",
             *         "source": "db-1",
             *         "severity": "critical"
             *       }
             *     }
             */
            firstPayload: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @description when the alert first arrived (ISO 8601, UTC)
             * @example 2026-11-30T09:00:00.000Z
             */
            firstSeenAt: string;
            /**
             * Format: uuid
             * @description alert id
             * @example 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b
             */
            id: string;
            /**
             * Format: uuid
             * @description the integration it came through; null for a heartbeat
             * @example 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d
             */
            integrationId: string | null;
            /**
             * Format: date-time
             * @description when the alert last arrived: the latest repeat (ISO 8601, UTC)
             * @example 2026-11-30T09:15:00.000Z
             */
            lastSeenAt: string;
            /**
             * @description how many events carried this alert: 1 + the repeats of its dedup key (or, in a group, of its fingerprint)
             * @example 4000
             */
            occurrences: number;
            /**
             * @description the raw payload as received, credential fields (`routing_key`, `token`, ...) replaced by "[redacted]"
             * @example {
             *       "routing_key": "[redacted]",
             *       "event_action": "trigger",
             *       "payload": {
             *         "summary": "Disk full on db-1",
             *         "source": "db-1",
             *         "severity": "critical"
             *       }
             *     }
             */
            payload: Record<string, never>;
            /**
             * Format: date-time
             * @description same as `firstSeenAt` (kept for older clients)
             * @example 2026-11-30T09:00:00.000Z
             */
            receivedAt: string;
            /**
             * @description the alert severity
             * @example critical
             * @enum {string}
             */
            severity: "critical" | "error" | "warning" | "info";
            /**
             * @description what sent it (host, job...)
             * @example db-1
             */
            source: string;
            /**
             * @description firing or resolved
             * @example firing
             */
            status: string;
            /**
             * @description the alert title
             * @example Disk full on db-1
             */
            title: string;
            /**
             * Format: date-time
             * @description same as `lastSeenAt` (kept for older clients)
             * @example 2026-11-30T09:15:00.000Z
             */
            updatedAt: string;
        };
        ApiKeyListResponse: {
            /** @description every key, revoked ones included */
            items: components["schemas"]["ApiKeyResponse"][];
            /**
             * @description always null: the keys fit on one page
             * @example null
             */
            nextCursor: string | null;
        };
        ApiKeyResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description key id
             * @example 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f
             */
            id: string;
            /**
             * @description what the key is for
             * @example grafana automation
             */
            name: string;
            /**
             * @description the first characters of the key, to recognise it
             * @example klx_Ab3d
             */
            prefix: string;
            /**
             * Format: date-time
             * @description when it was revoked; null while valid
             * @example null
             */
            revokedAt: string | null;
            /**
             * @description what the key may do
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
        };
        ApiKeySignInDto: {
            /**
             * @description an admin API key
             * @example klx_2Yq8Vb0cXwT4mN6pR1sL9dKf3hJ7gZa5
             */
            key: string;
        };
        AuditEntryResponse: {
            /**
             * @description what was done
             * @example update
             */
            action: string;
            /**
             * Format: date-time
             * @description when the change was made; ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            at: string;
            /**
             * Format: uuid
             * @description entry id
             * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
             */
            id: string;
            /**
             * @description the HTTP method
             * @example PUT
             */
            method: string;
            /**
             * @description the request path
             * @example /api/v1/schedules/6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            path: string;
            /** @description who made it */
            principal: components["schemas"]["AuditPrincipalResponse"];
            /**
             * @description the request body, secrets replaced by "***"
             * @example {
             *       "name": "Platform primary"
             *     }
             */
            requestBody: {
                [key: string]: unknown;
            } | null;
            /**
             * @description the top-level object changed; null for a create that failed
             * @example 6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            resourceId: string | null;
            /**
             * @description the kind of object changed
             * @example schedule
             */
            resourceType: string;
            /**
             * @description the HTTP status answered
             * @example 200
             */
            status: number;
            /**
             * @description the nested object changed (an override, a contact method...), when any
             * @example null
             */
            subresourceId: string | null;
        };
        AuditPageResponse: {
            /** @description this page, newest first */
            items: components["schemas"]["AuditEntryResponse"][];
            /**
             * @description pass as `cursor` for the next page; null on the last page
             * @example null
             */
            nextCursor: string | null;
        };
        AuditPrincipalResponse: {
            /**
             * @description the API key id, or "env" for KLAXON_ADMIN_API_KEY
             * @example 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f
             */
            id: string;
            /**
             * @description the API key name
             * @example grafana automation
             */
            name: string;
            /**
             * @description its role
             * @example admin
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
        };
        ChatDestinationResponse: {
            /**
             * @description the Slack channel id; null for teams and mattermost
             * @example null
             */
            channelId: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description false: escalation skips it
             * @example true
             */
            enabled: boolean;
            /**
             * Format: uuid
             * @description chat destination id
             * @example 5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a
             */
            id: string;
            /**
             * @description the name
             * @example Payments on-call room
             */
            name: string;
            /**
             * @description the kind of destination
             * @example teams
             * @enum {string}
             */
            type: "teams" | "mattermost" | "slack-channel";
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description the incoming webhook URL; read-only keys see only its scheme and host (https://host/•••); null for slack-channel
             * @example https://prod-42.westeurope.logic.azure.com/workflows/0a1b2c/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc
             */
            url: string | null;
        };
        ConditionDto: {
            /**
             * @description summary, source, severity, component, group, class, eventAction, labels.<name>, annotations.<name> or details.<dotted path>
             * @example labels.team
             */
            field: string;
            /**
             * @description equals and contains only: compare ignoring case
             * @example false
             */
            ignoreCase?: boolean;
            /**
             * @description how the field is compared; a missing field fails every op except the four negative ones
             * @example equals
             * @enum {string}
             */
            op: "equals" | "notEquals" | "contains" | "notContains" | "startsWith" | "matches" | "notMatches" | "exists" | "notExists";
            /**
             * @description the text to compare with (an RE2 pattern for matches/notMatches); absent for exists/notExists
             * @example payments
             */
            value?: string;
        };
        ContactMethodResponse: {
            /**
             * @description E.164 number, email address or Slack user id
             * @example +14155550123
             */
            address: string;
            /**
             * @description false: never paged
             * @example true
             */
            enabled: boolean;
            /**
             * Format: uuid
             * @description contact method id
             * @example 5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90
             */
            id: string;
            /**
             * @description the channel
             * @example sms
             * @enum {string}
             */
            type: "sms" | "voice" | "email" | "slack";
        };
        CreateApiKeyDto: {
            /**
             * @description what the key is for
             * @example grafana automation
             */
            name: string;
            /**
             * @description what the key may do
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
        };
        CreateChatDestinationDto: {
            /**
             * @description slack-channel: the channel id (the Klaxon app must be a member); refused for the others
             * @example C0123456789
             */
            channelId?: string;
            /**
             * @description false: escalation skips it (and says so on the timeline); default true
             * @example true
             */
            enabled?: boolean;
            /**
             * @description a label for people, e.g. the room
             * @example Payments on-call room
             */
            name: string;
            /**
             * @description Microsoft Teams (Workflows webhook), Mattermost (incoming webhook), or a Slack channel
             * @example teams
             * @enum {string}
             */
            type: "teams" | "mattermost" | "slack-channel";
            /**
             * @description teams and mattermost: the incoming webhook URL (a credential); refused for slack-channel
             * @example https://prod-42.westeurope.logic.azure.com/workflows/0a1b2c/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc
             */
            url?: string;
        };
        CreateContactMethodDto: {
            /**
             * @description E.164 number for sms/voice, an email address, or a Slack user id
             * @example +14155550123
             */
            address: string;
            /**
             * @description create the default immediate notification rule (default true)
             * @default true
             * @example true
             */
            defaultRule: boolean;
            /**
             * @description how to reach the user
             * @example sms
             * @enum {string}
             */
            type: "sms" | "voice" | "email" | "slack";
        };
        CreatedApiKeyResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description key id
             * @example 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f
             */
            id: string;
            /**
             * @description the key itself; shown only in this response
             * @example klx_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z
             */
            key: string;
            /**
             * @description what the key is for
             * @example grafana automation
             */
            name: string;
            /**
             * @description the first characters of the key, to recognise it
             * @example klx_Ab3d
             */
            prefix: string;
            /**
             * Format: date-time
             * @description when it was revoked; null while valid
             * @example null
             */
            revokedAt: string | null;
            /**
             * @description what the key may do
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
        };
        CreatedWebhookResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description what the webhook is for
             * @example Status page updater
             */
            description: string | null;
            /**
             * Format: date-time
             * @description when it was disabled; ISO 8601, UTC
             * @example null
             */
            disabledAt: string | null;
            /**
             * @description why it was disabled
             * @example null
             */
            disabledReason: string | null;
            /**
             * @description false once disabled (by a person, or after 24 hours of failed deliveries)
             * @example true
             */
            enabled: boolean;
            /**
             * @description the events sent
             * @example [
             *       "incident.triggered",
             *       "incident.resolved"
             *     ]
             */
            events: ("incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.note_added" | "incident.maintenance_ended" | "oncall.handoff")[];
            /**
             * Format: date-time
             * @description the first failed attempt since the last success; null when the last attempt succeeded
             * @example null
             */
            failingSince: string | null;
            /**
             * Format: uuid
             * @description webhook id
             * @example 5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f
             */
            id: string;
            /**
             * @description the signing secret: shown this once, never again
             * @example whsec_4f9d0c2b7e6a5d4c3b2a1f0e9d8c7b6a
             */
            secret: string;
            /**
             * @description the services whose incidents are sent; null: every service
             * @example null
             */
            serviceIds: string[] | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description the URL; only its scheme and host (`https://host/***`) for read-only keys
             * @example https://hooks.example.org/klaxon/T0k3n
             */
            url: string;
        };
        CreateEventRouterDto: {
            /** @description what happens when no rule matches (required) */
            fallback: components["schemas"]["FallbackDto"];
            /**
             * @description a name for people
             * @example Prometheus (all teams)
             */
            name: string;
            /**
             * @description events per minute for this key; 0: unlimited; null: the install default
             * @example null
             */
            rateLimitPerMinute?: number | null;
            /** @description evaluated in order: the first whose conditions all hold applies */
            rules: components["schemas"]["RuleDto"][];
        };
        CreateHandoffRuleDto: {
            /**
             * @description minutes before the handoff; 0 is at the handoff
             * @example 60
             */
            advanceMinutes: number;
            /**
             * Format: uuid
             * @description one of the same user's contact methods (SMS, email or Slack)
             * @example 5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90
             */
            contactMethodId: string;
            /**
             * @description tell of shifts starting (oncall), ending (offcall) or both
             * @example oncall
             * @enum {string}
             */
            handoffType: "oncall" | "offcall" | "both";
        };
        CreateHeartbeatDto: {
            /**
             * @description an incident opens when no ping came for this many minutes
             * @example 1440
             */
            intervalMinutes: number;
            /**
             * @description what sends the pings
             * @example nightly backup
             */
            name: string;
        };
        CreateIncidentDto: {
            /**
             * @description more for the responder; line breaks kept
             * @example Started after the 14:02 deploy. Dashboard: https://grafana.example.com/d/checkout
             */
            details?: string;
            /**
             * Format: uuid
             * @description the service whose escalation policy pages (not with targets)
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId?: string;
            /**
             * @description default critical: a person paging a person means it
             * @example critical
             * @enum {string}
             */
            severity?: "critical" | "error" | "warning" | "info";
            /** @description who to page, all at once (1 to 20; not with serviceId); the incident belongs to the built-in Direct pages service */
            targets?: components["schemas"]["DirectPageTargetDto"][];
            /**
             * @description what is wrong, one line (trimmed)
             * @example Checkout returns 502 for EU customers
             */
            title: string;
        };
        CreateIntegrationDto: {
            /**
             * @description a label for people
             * @example prod Prometheus
             */
            name?: string;
            /**
             * @description events per minute; 0 = unlimited; absent = install default
             * @example 120
             */
            rateLimitPerMinute?: number;
            /**
             * @description grafana only, with signingSecret: the signature header
             * @default X-Grafana-Alerting-Signature
             * @example X-Grafana-Alerting-Signature
             */
            signatureHeader: string;
            /**
             * @description grafana only: HMAC-SHA256 secret; requests must then be signed
             * @example s3cr3t-shared-with-grafana
             */
            signingSecret?: string;
            /**
             * @description grafana only, with signingSecret: when set, the signature covers "<timestamp>:<body>"
             * @example X-Grafana-Alerting-Signature-Timestamp
             */
            timestampHeader?: string;
            /**
             * @description the webhook format it accepts
             * @example alertmanager
             * @enum {string}
             */
            type: "events-v2" | "alertmanager" | "grafana" | "generic" | "opsgenie";
        };
        CreateMaintenanceWindowDto: {
            /**
             * @description what the maintenance is, for people
             * @example Deploy billing-api v2.14
             */
            description: string;
            /**
             * Format: date-time
             * @description when it ends (ISO 8601): after start, at most 30 days after it
             * @example 2026-12-01T23:00:00Z
             */
            end: string;
            /**
             * @description the services it covers (1 to 100)
             * @example [
             *       "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d"
             *     ]
             */
            serviceIds: string[];
            /**
             * Format: date-time
             * @description when it starts (ISO 8601); default: now
             * @example 2026-12-01T22:00:00Z
             */
            start?: string;
        };
        CreateNotificationRuleDto: {
            /**
             * Format: uuid
             * @description one of the same user's contact methods
             * @example 5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90
             */
            contactMethodId: string;
            /**
             * @description minutes after the user is first paged for an incident; 0 is at once
             * @example 5
             */
            delayMinutes: number;
        };
        CreateOverrideDto: {
            /**
             * @description exclusive; must be after start
             * @example 2026-03-08T17:00:00-04:00
             */
            end: string;
            /**
             * @description when the override starts (ISO 8601 with an offset)
             * @example 2026-03-08T09:00:00-04:00
             */
            start: string;
            /**
             * Format: uuid
             * @description who is on call instead
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string;
        };
        CreateServiceDto: {
            /**
             * @description an acknowledged incident triggers again after this many minutes; null: never
             * @example 60
             */
            ackTimeoutMinutes?: number | null;
            /**
             * @description an incident with no new alert for this many minutes is resolved; null: never
             * @example 240
             */
            autoResolveMinutes?: number | null;
            /**
             * @description free text for responders
             * @example Invoices and payments
             */
            description?: string | null;
            /**
             * Format: uuid
             * @description who is paged for this service
             * @example 1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b
             */
            escalationPolicyId: string;
            /**
             * @description the name shown in pages
             * @example Billing API
             */
            name: string;
            /**
             * @description the Slack channel pages are posted to; null: none
             * @example C024BE91L
             */
            slackChannelId?: string | null;
        };
        CreateTeamDto: {
            /**
             * @description the members (user ids)
             * @example [
             *       "3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d"
             *     ]
             */
            memberIds?: string[];
            /**
             * @description unique among teams
             * @example Payments SRE
             */
            name: string;
        };
        CreateUserDto: {
            /**
             * @description unique among users
             * @example ada@example.com
             */
            email: string;
            /**
             * @description the name shown in pages, Slack and the schedule views
             * @example Ada Lovelace
             */
            name: string;
            /**
             * @description what the user may do when signed in to the console
             * @default responder
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
            /**
             * @description IANA time zone, for the times in pages and views
             * @default UTC
             * @example Europe/London
             */
            timeZone: string;
        };
        CreateWebhookDto: {
            /**
             * @description what the webhook is for, for people
             * @example Status page updater
             */
            description?: string | null;
            /**
             * @description the events to send (1 or more)
             * @example [
             *       "incident.triggered",
             *       "incident.resolved"
             *     ]
             */
            events: ("incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.note_added" | "incident.maintenance_ended" | "oncall.handoff")[];
            /**
             * @description only incidents of these services; absent or null: every service
             * @example [
             *       "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d"
             *     ]
             */
            serviceIds?: string[];
            /**
             * @description where events are POSTed (http or https); private addresses are refused unless allowed
             * @example https://hooks.example.org/klaxon/T0k3n
             */
            url: string;
        };
        DeliveryAttemptResponse: {
            /**
             * Format: date-time
             * @description when it was made; ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            at: string;
            /**
             * @description 1 for the first attempt
             * @example 1
             */
            attempt: number;
            /**
             * @description how long the request took, in milliseconds
             * @example 87
             */
            durationMs: number;
            /**
             * @description why it failed
             * @example HTTP 503
             */
            error: string | null;
            /**
             * Format: date-time
             * @description when the next attempt is due, after a retry outcome
             * @example 2026-11-30T09:00:10.000Z
             */
            nextAttemptAt: string | null;
            /**
             * @description what the attempt meant
             * @example retry
             * @enum {string}
             */
            outcome: "delivered" | "retry" | "failed";
            /**
             * @description the first 1 KB of the answer
             * @example upstream unavailable
             */
            responsePrefix: string | null;
            /**
             * @description the HTTP status answered; null without an answer
             * @example 503
             */
            statusCode: number | null;
        };
        DeliveryResponse: {
            /** @description every attempt, oldest first */
            attemptLog: components["schemas"]["DeliveryAttemptResponse"][];
            /**
             * @description attempts made so far
             * @example 1
             */
            attempts: number;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description when the next attempt is (or was) due; ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            dueAt: string;
            /**
             * Format: uuid
             * @description event id (the Klaxon-Event-Id header and the body id)
             * @example 9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f
             */
            eventId: string;
            /**
             * @description the event type
             * @example incident.triggered
             * @enum {string}
             */
            eventType: "incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.note_added" | "incident.maintenance_ended" | "oncall.handoff";
            /**
             * Format: uuid
             * @description delivery id (the Klaxon-Delivery-Id header)
             * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
             */
            id: string;
            /**
             * Format: uuid
             * @description the incident, for incident events
             * @example 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
             */
            incidentId: string | null;
            /**
             * @description why the last attempt failed
             * @example null
             */
            lastError: string | null;
            /**
             * @description the last HTTP status answered
             * @example 200
             */
            lastStatusCode: number | null;
            /**
             * @description the event's sequence within its incident
             * @example 1
             */
            sequence: number | null;
            /**
             * @description where the delivery is
             * @example delivered
             * @enum {string}
             */
            state: "pending" | "sending" | "delivered" | "failed";
        };
        DirectPageTargetDto: {
            /**
             * Format: uuid
             * @description the user, schedule or escalation policy id
             * @example 6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            id: string;
            /**
             * @description a user; whoever is on call on a schedule; or an escalation policy, run level by level (then it must be the only target)
             * @example schedule
             * @enum {string}
             */
            type: "user" | "schedule" | "escalation-policy";
        };
        EmailLinkConfirmDto: {
            /**
             * @description the token of the emailed link (after #token=)
             * @example q3Jx0m2yX8bZ1cV4nW7eR5tY9uI6oP2aS0dF3gH8jK1
             */
            token: string;
        };
        EmailLinkRequestDto: {
            /**
             * @description the email address of a Klaxon user
             * @example ada@example.com
             */
            email: string;
        };
        EmailLinkRequestedResponse: {
            /**
             * @description the same words whether or not a user has the address
             * @example If a Klaxon user has this email address, a sign-in link is on its way; it works once, for 15 minutes.
             */
            message: string;
        };
        ErrorResponse: {
            /**
             * @description the HTTP reason phrase
             * @example Bad Request
             */
            error: string;
            /**
             * @description a 500 only: the id of the log line that has the details
             * @example 0b7e3c1a-5d2f-4c8e-9a61-3f0d2b7c9e14
             */
            errorId?: string;
            /** @description each bad field of a 400, by path */
            errors?: components["schemas"]["FieldErrorResponse"][];
            /**
             * @description a 409 on an incident action: the incident status that refused it
             * @example resolved
             */
            incidentStatus?: string;
            /**
             * @description a 409 on adding an override: the most overrides a schedule may hold
             * @example 1000
             */
            limit?: number;
            /**
             * @description what went wrong, for a person
             * @example name: must be 1 to 200 characters
             */
            message: string;
            /**
             * @description a 400 only: how many problems there were beyond the 50 listed
             * @example 3
             */
            moreErrors?: number;
            /** @description a 409 on a delete: what still refers to the object */
            references?: components["schemas"]["ReferenceResponse"][];
            /** @description a 409 on deleting a user: the schedules among the references */
            schedules?: components["schemas"]["ReferenceResponse"][];
            /**
             * @description the HTTP status, repeated
             * @example 400
             */
            statusCode: number;
        };
        EscalationPolicyDto: {
            /** @description the levels in order (1 to 20) */
            levels: components["schemas"]["PolicyLevelDto"][];
            /**
             * @description unique among policies
             * @example Payments primary
             */
            name: string;
            /**
             * @description how many times to start again at level 0 after the last level
             * @example 1
             */
            repeat: number;
        };
        EscalationPolicyResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description policy id
             * @example 1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b
             */
            id: string;
            /** @description the levels in order */
            levels: components["schemas"]["PolicyLevelDto"][];
            /**
             * @description the name
             * @example Payments primary
             */
            name: string;
            /**
             * @description how many times to start again at level 0 after the last level
             * @example 1
             */
            repeat: number;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
            /** @description targets that cannot be reached now or in the next 7 days */
            warnings: components["schemas"]["PolicyWarningResponse"][];
        };
        EventRouterResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /** @description what happens when no rule matches */
            fallback: components["schemas"]["FallbackDto"];
            /** @description GET of one router only: per rule, then the fallback, the events decided and the last match (eventually consistent: up to ~2 s behind) */
            hits?: components["schemas"]["RuleHitsResponse"][];
            /**
             * Format: uuid
             * @description router id
             * @example 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b
             */
            id: string;
            /**
             * @description a name for people
             * @example Prometheus (all teams)
             */
            name: string;
            /**
             * @description events per minute; 0: unlimited; null: the install default
             * @example null
             */
            rateLimitPerMinute: number | null;
            /**
             * @description the credential (routing_key, or in the webhook path); null unless the caller is an admin key
             * @example r0ut3rkeyof32charslowercase0123a
             */
            routingKey: string | null;
            /** @description the rules, in order */
            rules: components["schemas"]["RuleDto"][];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
            /** @description where to send alerts; null unless the caller is an admin key */
            urls: components["schemas"]["RouterUrlsResponse"] | null;
            /**
             * @description bumped by every change of rules or fallback (hit counters start again)
             * @example 1
             */
            version: number;
        };
        FallbackDto: {
            /**
             * @description drop events no rule matched
             * @example true
             * @enum {boolean}
             */
            drop?: true;
            /**
             * Format: uuid
             * @description the service of events no rule matched (exactly one of serviceId or drop)
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId?: string;
        };
        FieldErrorResponse: {
            /**
             * @description the path of the bad field in the request
             * @example layers.0.rotation.length
             */
            field: string;
            /**
             * @description what is wrong with it
             * @example must be a positive integer
             */
            message: string;
        };
        GenericWebhookBody: {
            /**
             * @description default trigger
             * @example trigger
             * @enum {string}
             */
            action?: "trigger" | "acknowledge" | "resolve";
            /**
             * @description groups alerts into one incident; required to acknowledge or resolve
             * @example db-1/disk
             */
            dedupKey?: string;
            /**
             * @description anything else to show with the incident
             * @example {
             *       "host": "db-1",
             *       "usedPercent": 99
             *     }
             */
            details?: {
                [key: string]: unknown;
            };
            /**
             * @description default error
             * @example critical
             * @enum {string}
             */
            severity?: "critical" | "error" | "warning" | "info";
            /**
             * @description the incident title; required to trigger
             * @example Disk full on db-1
             */
            summary?: string;
        };
        HandoffMessageListResponse: {
            /** @description the user's latest 100 handoff and shift-change messages, newest first */
            items: components["schemas"]["HandoffMessageResponse"][];
        };
        HandoffMessageResponse: {
            /**
             * @description the address it goes to
             * @example ada@example.com
             */
            address: string;
            /**
             * @description send attempts so far
             * @example 1
             */
            attempts: number;
            /**
             * @description the channel
             * @example email
             * @enum {string}
             */
            channel: "sms" | "email" | "slack";
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-12-02T08:00:00.000Z
             */
            createdAt: string;
            /**
             * @description the last error
             * @example null
             */
            error: string | null;
            /**
             * Format: uuid
             * @description message id
             * @example 1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b
             */
            id: string;
            /**
             * @description what the message is about
             * @example oncall
             * @enum {string}
             */
            kind: "oncall" | "offcall" | "shift-change";
            /**
             * @description the schedule; null once deleted
             * @example 6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            scheduleId: string | null;
            /**
             * Format: date-time
             * @description when it was sent
             * @example 2026-12-02T08:00:00.000Z
             */
            sentAt: string | null;
            /**
             * @description delivery state
             * @example sent
             * @enum {string}
             */
            state: "pending" | "sending" | "sent" | "failed";
            /**
             * @description the text
             * @example You are on call for Primary from Mon 2 Dec 09:00 to Mon 9 Dec 09:00 (Europe/Berlin)
             */
            text: string;
        };
        HandoffRuleListResponse: {
            /** @description the user's handoff rules, oldest first */
            items: components["schemas"]["HandoffRuleResponse"][];
        };
        HandoffRuleResponse: {
            /**
             * @description minutes before the handoff
             * @example 60
             */
            advanceMinutes: number;
            /**
             * Format: uuid
             * @description the contact method told
             * @example 5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90
             */
            contactMethodId: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description which handoffs
             * @example oncall
             * @enum {string}
             */
            handoffType: "oncall" | "offcall" | "both";
            /**
             * Format: uuid
             * @description rule id
             * @example 9a7e51c4-3b2d-4f6e-8a1c-0d9b8e7f6a5b
             */
            id: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @description the user told
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string;
        };
        HeartbeatAcceptedResponse: {
            /**
             * @description what happened
             * @example Heartbeat recorded
             */
            message: string;
            /**
             * @description always success
             * @example success
             * @enum {string}
             */
            status: "success";
        };
        HeartbeatMonitorResponse: {
            /**
             * Format: date-time
             * @description when the next ping is due; ISO 8601, UTC
             * @example 2026-12-01T02:00:00.000Z
             */
            dueAt: string;
            /**
             * Format: uuid
             * @description monitor id
             * @example 9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f
             */
            id: string;
            /**
             * @description an incident opens when no ping came for this many minutes
             * @example 1440
             */
            intervalMinutes: number;
            /**
             * @description the credential; null unless the caller is an admin key
             * @example hb0f32characterslowercase0123abc
             */
            key: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC; null before the first ping
             * @example 2026-11-30T02:00:00.000Z
             */
            lastPingAt: string | null;
            /**
             * @description what sends the pings
             * @example nightly backup
             */
            name: string;
            /**
             * Format: uuid
             * @description its service
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId: string;
            /**
             * @description pending until the first ping; down while overdue
             * @example up
             * @enum {string}
             */
            status: "pending" | "up" | "down";
            /**
             * @description the URL to ping; null unless the caller is an admin key
             * @example https://klaxon.example.org/heartbeats/hb0f32characterslowercase0123abc
             */
            url: string | null;
        };
        IncidentActionDto: {
            /**
             * @description kept in the timeline with the action
             * @example Rolled back the deploy
             */
            note?: string;
        };
        IncidentNotificationResponse: {
            /**
             * @description calls to the provider so far (deferrals do not count)
             * @example 1
             */
            attempts: number;
            /**
             * @description for a page that carried a bundle: how many other incidents its message stood for
             * @example 0
             */
            bundledCount: number;
            /**
             * Format: uuid
             * @description for a bundled page: the page whose message stood for it
             * @example null
             */
            bundledInto: string | null;
            /**
             * @description the channel that sent it
             * @example sms
             * @enum {string}
             */
            channel: "sms" | "voice" | "email" | "slack" | "teams" | "mattermost" | "slack-channel";
            /** @description where the page went */
            contactMethod: components["schemas"]["PagedContactMethodResponse"];
            /**
             * @description when the page was planned
             * @example 2026-11-30T12:00:00.000Z
             */
            createdAt: string;
            /**
             * @description the last time the rate limit deferred the page to (kept once sent)
             * @example 2026-11-30T12:01:00.000Z
             */
            deferredUntil: string | null;
            /**
             * @description the last status Twilio reported in its status callbacks, as Twilio spells it
             * @example delivered
             */
            deliveryStatus: string | null;
            /**
             * @description when it is (or was last) due to be sent
             * @example 2026-11-30T12:00:00.000Z
             */
            dueAt: string;
            /**
             * Format: uuid
             * @description the page
             * @example c2a1e0b4-6d3f-4f7a-9a8b-2e1d0c9b8a7f
             */
            id: string;
            /**
             * Format: uuid
             * @description its incident
             * @example e4b7a6c5-1d2e-4f3a-8b9c-0d1e2f3a4b5c
             */
            incidentId: string;
            /**
             * @description escalation level (0 = first) that paged
             * @example 0
             */
            level: number;
            /**
             * @description pass through the escalation policy (0 = first)
             * @example 0
             */
            loop: number;
            /**
             * @description who carried it: twilio, smtp or slack
             * @example twilio
             */
            provider: string | null;
            /**
             * @description the provider’s id: Twilio SID, SMTP message id, Slack ts
             * @example SM0123456789abcdef0123456789abcdef
             */
            providerMessageId: string | null;
            /**
             * @description why the page failed, was skipped, cancelled or bundled, or why the last attempt of a pending page failed
             * @example cancelled: incident acknowledged
             */
            reason: string | null;
            /**
             * @description when the provider accepted it
             * @example 2026-11-30T12:00:00.183Z
             */
            sentAt: string | null;
            /**
             * @description pending (waiting for its due time, or for a retry after a failed attempt), deferred (held back by the SMS/voice rate limit until `deferredUntil`), sending, sent, delivered (Twilio reported delivery, or an answered call), failed, skipped (channel not configured), cancelled (the incident was acknowledged or resolved first), bundled (folded into the message of page `bundledInto`)
             * @example deferred
             * @enum {string}
             */
            state: "pending" | "deferred" | "sending" | "sent" | "delivered" | "failed" | "skipped" | "cancelled" | "bundled";
            /**
             * @description the last change, a status callback included
             * @example 2026-11-30T12:00:02.000Z
             */
            updatedAt: string;
            /** @description null for a page to a channel rather than a person */
            user: components["schemas"]["PagedUserResponse"] | null;
        };
        IncidentNotificationsPageResponse: {
            /** @description newest first */
            items: components["schemas"]["IncidentNotificationResponse"][];
            /**
             * @description pass as `cursor` for the next page; null on the last page
             * @example null
             */
            nextCursor: string | null;
        };
        IncidentReportResponse: {
            /**
             * @description start of the range, inclusive
             * @example 2026-03-02T00:00:00.000Z
             */
            since: string;
            /**
             * @description end of the range, exclusive
             * @example 2026-04-01T00:00:00.000Z
             */
            until: string;
            /** @description one row per service and week with incidents, by service name then week */
            weeks: components["schemas"]["WeeklyIncidentFiguresResponse"][];
        };
        IncidentResponse: {
            /**
             * Format: date-time
             * @description null until acknowledged
             * @example null
             */
            acknowledgedAt: string | null;
            /** @description who acknowledged it; null until acknowledged */
            acknowledgedBy: components["schemas"]["ActorResponse"] | null;
            /**
             * @description all alerts of the incident; `alerts` holds the most recent 200
             * @example 3
             */
            alertCount?: number;
            /** @description GET of one incident only: its most recent alerts */
            alerts?: components["schemas"]["AlertResponse"][];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description the key that groups alerts into this incident
             * @example db-1/disk
             */
            dedupKey: string;
            /**
             * @description every level and repeat has been paged: nobody more will be
             * @example false
             */
            escalationExhausted: boolean;
            /**
             * Format: uuid
             * @description incident id
             * @example 0d9b8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f
             */
            id: string;
            /**
             * Format: date-time
             * @description when the last alert came; ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            lastAlertAt: string;
            /**
             * @description the escalation policy level paged last (0-based)
             * @example 0
             */
            level: number;
            /**
             * @description how many times the policy's levels were started again (its repeat)
             * @example 0
             */
            loop: number;
            /**
             * @description opened while a maintenance window covered its service: it did not page then
             * @example false
             */
            maintenance: boolean;
            /**
             * Format: date-time
             * @description a maintenance incident still triggered when its last window ended: escalation started at this time; null otherwise
             * @example null
             */
            maintenanceReleasedAt: string | null;
            /** @description GET of one incident only: its notes, oldest first (the most recent 500) */
            notes?: components["schemas"]["NoteResponse"][];
            /**
             * @description per install, human-friendly: "#123"
             * @example 42
             */
            number: number;
            /**
             * Format: date-time
             * @description null until resolved
             * @example null
             */
            resolvedAt: string | null;
            /** @description who resolved it; null until resolved */
            resolvedBy: components["schemas"]["ActorResponse"] | null;
            /**
             * Format: uuid
             * @description the event router it came through; null: an integration, a heartbeat or a person
             * @example null
             */
            routerId: string | null;
            /** @description the service, by id and name */
            service?: components["schemas"]["ServiceRefResponse"];
            /**
             * Format: uuid
             * @description the service alerted
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId: string;
            /**
             * @description from the alerts
             * @example critical
             * @enum {string}
             */
            severity: "critical" | "error" | "warning" | "info";
            /**
             * @description triggered, acknowledged or resolved
             * @example triggered
             * @enum {string}
             */
            status: "triggered" | "acknowledged" | "resolved";
            /**
             * @description opened by an event router rule with suppress: recorded and listed, never pages
             * @example false
             */
            suppressed: boolean;
            /** @description GET of one incident only: what happened, oldest first */
            timeline?: components["schemas"]["TimelineEntryResponse"][];
            /**
             * @description all timeline entries; `timeline` holds the most recent 1,000
             * @example 12
             */
            timelineCount?: number;
            /**
             * @description from the first alert
             * @example Disk full on db-1
             */
            title: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
        };
        IntegrationResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description integration id
             * @example 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d
             */
            id: string;
            /**
             * @description the credential (for events-v2 the routing_key); null unless the caller is an admin key
             * @example k3y0f32characterslowercase0123ab
             */
            key: string | null;
            /**
             * @description a label for people
             * @example prod Prometheus
             */
            name: string | null;
            /**
             * @description events per minute; 0: unlimited; null: the install default
             * @example null
             */
            rateLimitPerMinute: number | null;
            /**
             * Format: uuid
             * @description its service
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId: string;
            /**
             * @description the signature header, when signed
             * @example null
             */
            signatureHeader: string | null;
            /**
             * @description requests must carry a valid signature (a signing secret is set)
             * @example false
             */
            signed: boolean;
            /**
             * @description the signed timestamp header, when any
             * @example null
             */
            timestampHeader: string | null;
            /**
             * @description the webhook format it accepts
             * @example alertmanager
             * @enum {string}
             */
            type: "events-v2" | "alertmanager" | "grafana" | "generic" | "opsgenie";
            /**
             * @description the URL to paste into the monitoring tool; null unless the caller is an admin key
             * @example https://klaxon.example.org/integrations/k3y0f32characterslowercase0123ab/alertmanager
             */
            url: string | null;
        };
        IntervalResponse: {
            /**
             * Format: date-time
             * @description exclusive; ISO 8601, UTC
             * @example 2026-12-02T06:00:00.000Z
             */
            end: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-12-01T22:00:00.000Z
             */
            start: string;
        };
        LayerDto: {
            /**
             * @description exclusive; null or absent = forever
             * @example null
             */
            end?: string | null;
            /**
             * @description defaults to "Layer <n>"
             * @example Primary
             */
            name?: string;
            /** @description union of local windows; empty or absent = always */
            restrictions?: components["schemas"]["RestrictionDto"][];
            /** @description how turns pass between users */
            rotation: components["schemas"]["RotationDto"];
            /**
             * @description when the layer starts applying (ISO 8601 with an offset)
             * @example 2026-03-02T09:00:00-05:00
             */
            start: string;
            /**
             * @description rotation order (user ids; repeats allowed; at most 500)
             * @example [
             *       "3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d"
             *     ]
             */
            users: string[];
        };
        LayerResponse: {
            /**
             * Format: date-time
             * @description when it stops applying (exclusive); null: never
             * @example null
             */
            end: string | null;
            /**
             * @description the layer name
             * @example Primary
             */
            name: string;
            /** @description the local windows the layer applies in; empty: always */
            restrictions: components["schemas"]["RestrictionDto"][];
            /** @description how turns pass between users */
            rotation: components["schemas"]["RotationResponse"];
            /**
             * Format: date-time
             * @description when the layer starts applying; ISO 8601, UTC
             * @example 2026-03-02T14:00:00.000Z
             */
            start: string;
            /**
             * @description the rotation order (user ids)
             * @example [
             *       "3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d"
             *     ]
             */
            users: string[];
        };
        LivenessResponse: {
            /**
             * @description always ok
             * @example ok
             * @enum {string}
             */
            status: "ok";
        };
        MaintenanceWindowResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-12-01T21:55:00.000Z
             */
            createdAt: string;
            /** @description who created it */
            createdBy: components["schemas"]["WindowCreatorResponse"];
            /**
             * @description what the maintenance is
             * @example Deploy billing-api v2.14
             */
            description: string;
            /**
             * Format: date-time
             * @description when it was planned to end (UTC)
             * @example 2026-12-01T23:00:00.000Z
             */
            end: string;
            /**
             * Format: date-time
             * @description when it was ended early; null if not
             * @example null
             */
            endedAt: string | null;
            /**
             * Format: uuid
             * @description window id
             * @example 7e1f3c2a-9b8d-4e6f-a1b2-c3d4e5f6a7b8
             */
            id: string;
            /**
             * @description the services it covers
             * @example [
             *       "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d"
             *     ]
             */
            serviceIds: string[];
            /**
             * Format: date-time
             * @description when it starts (UTC)
             * @example 2026-12-01T22:00:00.000Z
             */
            start: string;
            /**
             * @description upcoming, active or ended, now
             * @example active
             * @enum {string}
             */
            state: "upcoming" | "active" | "ended";
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-12-01T21:55:00.000Z
             */
            updatedAt: string;
        };
        NoteResponse: {
            /** @description who wrote it: the API key (by its name) or the Klaxon user */
            author: components["schemas"]["TimelineActorResponse"];
            /**
             * @description through which channel
             * @example api
             */
            channel: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:05:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description note id (its timeline entry)
             * @example 9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
             */
            id: string;
            /**
             * @description the note
             * @example Rolled back deploy 2026-11-30.3; watching error rates
             */
            text: string;
        };
        NotificationRuleResponse: {
            /**
             * Format: uuid
             * @description the contact method paged
             * @example 5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90
             */
            contactMethodId: string;
            /**
             * @description minutes after the user is first paged; 0 is at once
             * @example 5
             */
            delayMinutes: number;
            /**
             * Format: uuid
             * @description rule id
             * @example 9a7e51c4-3b2d-4f6e-8a1c-0d9b8e7f6a5b
             */
            id: string;
        };
        OnCallResponse: {
            /**
             * Format: date-time
             * @description the instant asked about; ISO 8601, UTC
             * @example 2026-11-30T12:00:00.000Z
             */
            at: string;
            /**
             * @description at in the schedule’s time zone, with its offset at that instant
             * @example 2026-03-02T04:00:00.000-05:00
             */
            atLocal: string;
            /**
             * Format: date-time
             * @description until when; null when the segment ends more than a year after at
             * @example 2026-12-07T14:00:00.000Z
             */
            end: string | null;
            /**
             * @description the next handoff, in the schedule’s time zone, with its offset at that instant
             * @example 2026-03-02T09:00:00.000-05:00
             */
            endLocal: string | null;
            /**
             * Format: date-time
             * @description since when; null when the segment starts more than a year before at
             * @example 2026-11-30T14:00:00.000Z
             */
            start: string | null;
            /**
             * @description the handoff that began the segment, in the schedule’s time zone, with its offset at that instant
             * @example 2026-02-23T09:00:00.000-05:00
             */
            startLocal: string | null;
            /**
             * @description the schedule’s IANA time zone, which the *Local fields are in
             * @example America/New_York
             */
            timeZone: string;
            /**
             * Format: uuid
             * @description who is on call; null: a gap
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string | null;
            /**
             * @description the on-call user’s name; null in a gap
             * @example Alice Example
             */
            userName: string | null;
        };
        OpsgenieAcceptedResponse: {
            /**
             * Format: uuid
             * @description the request id, for GET /v2/alerts/requests/{requestId}
             * @example 9ae63dd7-ed00-4c81-86f0-c4ffd33142c9
             */
            requestId: string;
            /**
             * @description always this text
             * @example Request will be processed
             * @enum {string}
             */
            result: "Request will be processed";
            /**
             * @description seconds the request took
             * @example 0.012
             */
            took: number;
        };
        OpsgenieActionBody: {
            /**
             * @description a note for the timeline (at most 25,000 characters); required to add a note
             * @example disk cleaned up
             */
            note?: string;
            /**
             * @description where it came from, for the timeline (at most 100 characters)
             * @example http://alertmanager:9093/#/alerts?receiver=og
             */
            source?: string;
            /**
             * @description who acted, for the timeline (at most 100 characters)
             * @example alice
             */
            user?: string;
        };
        OpsgenieCreateAlertBody: {
            /**
             * @description the dedup key (at most 255 characters): an open incident with it takes the alert; without it every create opens an incident
             * @example 17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41
             */
            alias?: string;
            /**
             * @description long text shown with the incident (at most 15,000 characters)
             * @example /var is 95% full on db-2
             */
            description?: string;
            /**
             * @description key-value details shown with the incident
             * @example {
             *       "alertname": "DiskFull",
             *       "instance": "db-2:9100"
             *     }
             */
            details?: {
                [key: string]: unknown;
            };
            /**
             * @description what the alert is about (at most 512 characters); the incident source when no source is given
             * @example db-2
             */
            entity?: string;
            /**
             * @description the incident title; at most 130 characters
             * @example [FIRING:1] DiskFull (db-2:9100 critical db)
             */
            message: string;
            /**
             * @description kept in the details (at most 25,000 characters)
             * @example created by Alertmanager
             */
            note?: string;
            /**
             * @description P1 critical, P2 error, P3 warning (the default), P4 and P5 info
             * @example P2
             * @enum {string}
             */
            priority?: "P1" | "P2" | "P3" | "P4" | "P5";
            /**
             * @description ignored: the service's escalation policy decides who is paged
             * @example [
             *       {
             *         "type": "team",
             *         "name": "db"
             *       }
             *     ]
             */
            responders?: Record<string, never>[];
            /**
             * @description who sent it (at most 100 characters); an http(s) URL also becomes a link
             * @example http://alertmanager:9093/#/alerts?receiver=og
             */
            source?: string;
            /**
             * @description at most 20 tags of 50 characters; kept in the details
             * @example [
             *       "db",
             *       "disk"
             *     ]
             */
            tags?: string[];
            /**
             * @description kept in the details (at most 100 characters)
             * @example alertmanager
             */
            user?: string;
        };
        OpsgenieErrorResponse: {
            /**
             * @description the reason; a 422 names every problem of the request
             * @example Request body is not processable: Message can not be empty
             */
            message: string;
            /**
             * Format: uuid
             * @description an id for this answer
             * @example 4d3c2b1a-0f9e-4d8c-b7a6-5e4f3a2b1c0d
             */
            requestId: string;
            /**
             * @description seconds the request took
             * @example 0.001
             */
            took: number;
        };
        OpsgenieRequestStatusData: {
            /**
             * @description what the request asked for
             * @example Create
             * @enum {string}
             */
            action: "Create" | "Acknowledge" | "Close" | "AddNote";
            /**
             * Format: uuid
             * @description the incident id (the alert id), null when none was found
             * @example 1f2e3d4c-5b6a-4789-8abc-def012345678
             */
            alertId: string | null;
            /**
             * @description the incident's dedup key (the alias)
             * @example 17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41
             */
            alias: string | null;
            /**
             * Format: uuid
             * @description the Klaxon integration whose key made the request
             * @example 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d
             */
            integrationId: string;
            /**
             * @description whether it was carried out (false: e.g. no open incident with that alias)
             * @example true
             */
            isSuccess: boolean;
            /**
             * Format: date-time
             * @description when it was carried out
             * @example 2026-11-30T09:00:00.000Z
             */
            processedAt: string;
            /**
             * @description what happened
             * @example Created alert
             */
            status: string;
            /**
             * @description always true: the request was found
             * @example true
             */
            success: boolean;
        };
        OpsgenieRequestStatusResponse: {
            /** @description the outcome of the request */
            data: components["schemas"]["OpsgenieRequestStatusData"];
            /**
             * Format: uuid
             * @description the id of this lookup
             * @example b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e
             */
            requestId: string;
            /**
             * @description seconds this lookup took
             * @example 0.003
             */
            took: number;
        };
        OverrideListResponse: {
            /** @description every override of the schedule, past ones included */
            items: components["schemas"]["OverrideResponse"][];
            /**
             * @description always null: the overrides fit on one page
             * @example null
             */
            nextCursor: string | null;
        };
        OverrideResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description exclusive; ISO 8601, UTC
             * @example 2026-03-08T21:00:00.000Z
             */
            end: string;
            /**
             * Format: uuid
             * @description override id
             * @example 2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f
             */
            id: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-03-08T13:00:00.000Z
             */
            start: string;
            /**
             * Format: uuid
             * @description who is on call instead
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string;
        };
        PagedContactMethodResponse: {
            /**
             * @description the address paged; read-only keys see it masked (a phone number’s last four digits, an email’s first character and domain)
             * @example +•••••••0123
             */
            address: string;
            /**
             * @description null once the contact method is deleted
             * @example 9b2d6c1e-5f4a-4e8b-8c7d-1a2b3c4d5e6f
             */
            id: string | null;
            /**
             * @description the kind of contact method
             * @example sms
             * @enum {string}
             */
            type: "sms" | "voice" | "email" | "slack" | "teams" | "mattermost" | "slack-channel";
        };
        PagedUserResponse: {
            /**
             * @description the user paged
             * @example 3f0c8f0e-2d7b-4a53-9d3c-0b8f1f3b2a10
             */
            id: string;
            /**
             * @description the user’s name; null once the user is deleted
             * @example Ivan Petrov
             */
            name: string | null;
        };
        PoliciesOnCallItemResponse: {
            /**
             * Format: date-time
             * @description on call until (schedules only)
             * @example 2026-12-07T14:00:00.000Z
             */
            end: string | null;
            /**
             * @description end in the schedule’s time zone, with its offset
             * @example 2026-03-02T09:00:00.000-05:00
             */
            endLocal: string | null;
            /**
             * Format: uuid
             * @description the policy
             * @example 1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b
             */
            escalationPolicyId: string;
            /**
             * @description the level of the policy (0-based)
             * @example 0
             */
            level: number;
            /**
             * Format: uuid
             * @description the schedule that puts the user on call; null: a direct user target
             * @example 6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            scheduleId: string | null;
            /**
             * Format: date-time
             * @description on call since (schedules only)
             * @example 2026-11-30T14:00:00.000Z
             */
            start: string | null;
            /**
             * @description start in the schedule’s time zone, with its offset
             * @example 2026-02-23T09:00:00.000-05:00
             */
            startLocal: string | null;
            /**
             * @description the schedule’s IANA time zone; null for a user named directly
             * @example America/New_York
             */
            timeZone: string | null;
            /**
             * Format: uuid
             * @description who is on call
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string;
            /**
             * @description null once the user is deleted
             * @example Alice Example
             */
            userName: string | null;
        };
        PoliciesOnCallResponse: {
            /**
             * Format: date-time
             * @description the instant asked about; ISO 8601, UTC
             * @example 2026-11-30T12:00:00.000Z
             */
            at: string;
            /** @description one item per person on call per policy level */
            items: components["schemas"]["PoliciesOnCallItemResponse"][];
        };
        PolicyLevelDto: {
            /**
             * @description minutes to wait for an acknowledgement after this level is paged before escalating to the next level
             * @example 15
             */
            delayMinutes: number;
            /** @description who is paged at this level (at most 50); all of them at once */
            targets: components["schemas"]["PolicyTargetDto"][];
        };
        PolicyTargetDto: {
            /**
             * Format: uuid
             * @description the user, schedule, webhook or chat destination id
             * @example 6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            id: string;
            /**
             * @description a user, whoever is on call on a schedule, an outgoing webhook (paged by a delivery of incident.triggered or incident.escalated), or a chat destination (the team's room is paged)
             * @example schedule
             * @enum {string}
             */
            type: "user" | "schedule" | "webhook" | "chat";
        };
        PolicyWarningResponse: {
            /**
             * @description what kind of problem
             * @example user-unreachable
             * @enum {string}
             */
            code: "no-levels" | "empty-level" | "unknown-user" | "user-unreachable" | "unknown-schedule" | "schedule-gap" | "unknown-webhook" | "webhook-disabled" | "unknown-chat-destination" | "chat-destination-disabled";
            /**
             * @description the level concerned (0-based); null for the whole policy
             * @example 0
             */
            level: number | null;
            /**
             * @description the problem, for a person
             * @example Level 1: Ada Lovelace has no enabled contact method
             */
            message: string;
            /** @description the target concerned; null for a level or the whole policy */
            target: components["schemas"]["PolicyTargetDto"] | null;
        };
        ReadinessResponse: {
            /**
             * @description every check
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status?: "up" | "down";
                };
            };
            /**
             * @description the checks that are down
             * @example {}
             */
            error: {
                [key: string]: {
                    /** @enum {string} */
                    status?: "up" | "down";
                };
            };
            /**
             * @description the checks that are up
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info: {
                [key: string]: {
                    /** @enum {string} */
                    status?: "up" | "down";
                };
            };
            /**
             * @description ok when every check is up
             * @example ok
             * @enum {string}
             */
            status: "ok" | "error";
        };
        ReferenceResponse: {
            /**
             * Format: uuid
             * @description its id
             * @example 1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b
             */
            id: string;
            /**
             * @description what refers to the object
             * @example escalation-policy
             */
            kind: string;
            /**
             * @description its name
             * @example Payments primary
             */
            name: string;
        };
        ReportResponse: {
            /**
             * @description hours with nobody on call
             * @example 0
             */
            gapHours: number;
            /**
             * Format: date-time
             * @description the `since` asked for (or its default), before clipping
             * @example 2026-10-31T00:00:00.000Z
             */
            requestedSince: string;
            /**
             * Format: date-time
             * @description the start of the window counted: the `since` asked for, or the schedule’s `createdAt` when that is later (at most `until`); ISO 8601, UTC
             * @example 2026-10-31T00:00:00.000Z
             */
            since: string;
            /**
             * @description since in the schedule’s time zone, with its offset at that instant
             * @example 2026-10-30T20:00:00.000-04:00
             */
            sinceLocal: string;
            /**
             * @description the schedule’s IANA time zone, which the *Local fields are in
             * @example America/New_York
             */
            timeZone: string;
            /**
             * @description hours from since to until
             * @example 720
             */
            totalHours: number;
            /**
             * Format: date-time
             * @description the window end (exclusive); ISO 8601, UTC
             * @example 2026-11-30T00:00:00.000Z
             */
            until: string;
            /**
             * @description until in the schedule’s time zone, with its offset at that instant
             * @example 2026-11-29T19:00:00.000-05:00
             */
            untilLocal: string;
            /** @description most hours first */
            users: components["schemas"]["UserHoursResponse"][];
        };
        RestrictionDto: {
            /**
             * @description weekly only
             * @example fri
             * @enum {string}
             */
            endDay?: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
            /**
             * @description HH:mm; at or before startTime wraps past midnight (or the week end)
             * @example 17:00
             */
            endTime: string;
            /**
             * @description weekly only
             * @example mon
             * @enum {string}
             */
            startDay?: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
            /**
             * @description HH:mm, local to the schedule zone
             * @example 09:00
             */
            startTime: string;
            /**
             * @description daily: the same hours every day; weekly: from a day and time to a day and time
             * @example weekly
             * @enum {string}
             */
            type: "daily" | "weekly";
        };
        RotationDto: {
            /**
             * @description the instant at which users[0] begins a turn
             * @example 2026-03-02T09:00:00-05:00
             */
            handoff: string;
            /**
             * @description how many units a turn lasts
             * @example 1
             */
            length: number;
            /**
             * @description the unit of a turn
             * @example week
             * @enum {string}
             */
            unit: "hour" | "day" | "week";
        };
        RotationResponse: {
            /**
             * Format: date-time
             * @description an instant at which users[0] begins a turn; ISO 8601, UTC
             * @example 2026-03-02T14:00:00.000Z
             */
            handoff: string;
            /**
             * @description how many units a turn lasts
             * @example 1
             */
            length: number;
            /**
             * @description the unit of a turn
             * @example week
             * @enum {string}
             */
            unit: "hour" | "day" | "week";
        };
        RouterUrlsResponse: {
            /**
             * @description Alertmanager webhook_configs url
             * @example https://klaxon.example.org/integrations/r0ut3rkeyof32charslowercase0123a/alertmanager
             */
            alertmanager: string;
            /**
             * @description PagerDuty Events v2: POST here with routing_key
             * @example https://klaxon.example.org/v2/enqueue
             */
            eventsV2: string;
            /**
             * @description generic JSON (POST) or query parameters (GET)
             * @example https://klaxon.example.org/integrations/r0ut3rkeyof32charslowercase0123a/generic
             */
            generic: string;
            /**
             * @description Grafana webhook contact point url
             * @example https://klaxon.example.org/integrations/r0ut3rkeyof32charslowercase0123a/grafana
             */
            grafana: string;
        };
        RuleDto: {
            /**
             * @description shown in hit counters, test answers and 400s
             * @example payments team
             */
            name: string;
            /** @description {route: {serviceId}, suppress?, severity?} or {drop: true} */
            then: components["schemas"]["ActionsDto"];
            /** @description all must hold; an empty list always matches */
            when: components["schemas"]["ConditionDto"][];
        };
        RuleHitsResponse: {
            /**
             * @description events (alerts, for groups) this rule decided since the rules last changed
             * @example 42
             */
            count: number;
            /**
             * @description the rule's index; null for the fallback
             * @example 0
             */
            index: number | null;
            /**
             * Format: date-time
             * @description when it last decided one; null: never
             * @example 2026-11-30T09:00:00.000Z
             */
            lastMatchedAt: string | null;
            /**
             * @description the rule's name; null for the fallback
             * @example payments team
             */
            name: string | null;
        };
        ScheduleInputDto: {
            /** @description bottom to top: the last active layer decides (at most 20) */
            layers: components["schemas"]["LayerDto"][];
            /**
             * @description the name
             * @example Platform primary
             */
            name: string;
            /**
             * @description a Slack channel told "On call now" at every change of the final on-call user; null: none (absent on PUT or PATCH: kept)
             * @example C024BE91L
             */
            slackChannelId?: string | null;
            /**
             * @description IANA time zone of handoffs and restrictions
             * @example America/New_York
             */
            timeZone: string;
        };
        SchedulePatchDto: {
            /** @description bottom to top: the last active layer decides (at most 20) */
            layers?: components["schemas"]["LayerDto"][];
            /**
             * @description the name
             * @example Platform primary
             */
            name?: string;
            /**
             * @description a Slack channel told "On call now" at every change of the final on-call user; null: none (absent on PUT or PATCH: kept)
             * @example C024BE91L
             */
            slackChannelId?: string | null;
            /**
             * @description IANA time zone of handoffs and restrictions
             * @example America/New_York
             */
            timeZone?: string;
        };
        ScheduleResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description iCalendar feed for calendar apps; the token in it is the only credential needed, so read-only keys get null
             * @example https://klaxon.example.org/api/v1/schedules/6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/ical?token=b3f1c2d4e5a6978812345678
             */
            icalUrl: string | null;
            /**
             * Format: uuid
             * @description schedule id
             * @example 6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
             */
            id: string;
            /** @description bottom to top: the last active layer decides */
            layers: components["schemas"]["LayerResponse"][];
            /**
             * @description the name
             * @example Platform primary
             */
            name: string;
            /** @description the first gap in the next 14 days (its end is cut at the 14-day horizon), or null */
            nextGap?: components["schemas"]["IntervalResponse"] | null;
            /** @description overrides that have not ended yet; all of them: GET .../overrides */
            overrides: components["schemas"]["OverrideResponse"][];
            /**
             * @description the Slack channel told "On call now"; null: none
             * @example C024BE91L
             */
            slackChannelId: string | null;
            /**
             * @description IANA time zone of handoffs and restrictions
             * @example America/New_York
             */
            timeZone: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
        };
        ServiceMaintenanceResponse: {
            /**
             * Format: date-time
             * @description when that window ends (ISO 8601, UTC)
             * @example 2026-12-01T23:00:00.000Z
             */
            until: string;
            /**
             * Format: uuid
             * @description the covering window that ends last
             * @example 7e1f3c2a-9b8d-4e6f-a1b2-c3d4e5f6a7b8
             */
            windowId: string;
        };
        ServiceRefDto: {
            /**
             * Format: uuid
             * @description the service that gets the event
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId: string;
        };
        ServiceRefResponse: {
            /**
             * Format: uuid
             * @description service id
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            id: string;
            /**
             * @description service name
             * @example Billing API
             */
            name: string;
        };
        ServiceResponse: {
            /**
             * @description an acknowledged incident triggers again after this many minutes; null: never
             * @example 60
             */
            ackTimeoutMinutes: number | null;
            /**
             * @description an incident with no new alert for this many minutes is resolved; null: never
             * @example null
             */
            autoResolveMinutes: number | null;
            /**
             * @description the built-in Direct pages service: it cannot be deleted, renamed or given a policy
             * @example false
             */
            builtIn: boolean;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description free text for responders
             * @example Invoices and payments
             */
            description: string | null;
            /**
             * Format: uuid
             * @description who is paged for this service; null only for the built-in Direct pages service, whose incidents carry their own targets
             * @example 1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b
             */
            escalationPolicyId: string | null;
            /**
             * Format: uuid
             * @description service id
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            id: string;
            /** @description set while a maintenance window covers the service (new incidents do not page); null otherwise */
            maintenance: components["schemas"]["ServiceMaintenanceResponse"] | null;
            /**
             * @description the name
             * @example Billing API
             */
            name: string;
            /**
             * @description the Slack channel pages are posted to; null: none
             * @example C024BE91L
             */
            slackChannelId: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
        };
        SessionResponse: {
            /**
             * @description send it as X-CSRF-Token with every write made with the session cookie
             * @example c2VjcmV0LWNzcmYtdG9rZW4tZXhhbXBsZQ
             */
            csrfToken: string;
            /**
             * Format: date-time
             * @description when the session ends unless used again (each use renews it); ISO 8601, UTC
             * @example 2026-11-30T21:00:00.000Z
             */
            expiresAt: string;
            /**
             * @description what the session may do
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
            /** @description the signed-in user; null for a session opened with an admin API key */
            user: components["schemas"]["SessionUserResponse"] | null;
        };
        SessionSummaryResponse: {
            /**
             * @description the API key a key session was opened with ("env" for KLAXON_ADMIN_API_KEY)
             * @example null
             */
            apiKeyId: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T21:40:00.000Z
             */
            expiresAt: string;
            /**
             * Format: uuid
             * @description session id
             * @example 9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e
             */
            id: string;
            /**
             * Format: date-time
             * @description last use; ISO 8601, UTC
             * @example 2026-11-30T09:40:00.000Z
             */
            lastSeenAt: string;
            /**
             * @description the user's or the key's name when the session opened
             * @example Ada Lovelace
             */
            name: string;
            /**
             * @description how the session signed in
             * @example oidc
             * @enum {string}
             */
            signInMethod: "api-key" | "oidc" | "email-link";
            /**
             * Format: uuid
             * @description the user signed in; null for an admin API key session
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string | null;
        };
        SessionUserResponse: {
            /**
             * @description email address
             * @example ada@example.com
             */
            email: string;
            /**
             * Format: uuid
             * @description user id
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description display name
             * @example Ada Lovelace
             */
            name: string;
            /**
             * @description IANA time zone
             * @example Europe/London
             */
            timeZone: string;
        };
        ShiftResponse: {
            /**
             * Format: date-time
             * @description exclusive; ISO 8601, UTC
             * @example 2026-03-09T13:00:00.000Z
             */
            end: string;
            /**
             * @description end in the schedule’s time zone, with its offset at that instant
             * @example 2026-03-09T09:00:00.000-04:00
             */
            endLocal: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-03-08T13:00:00.000Z
             */
            start: string;
            /**
             * @description start in the schedule’s time zone, with its offset at that instant
             * @example 2026-03-08T09:00:00.000-04:00
             */
            startLocal: string;
            /**
             * Format: uuid
             * @description who is on call; null: a gap
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string | null;
            /**
             * @description the on-call user’s name; null in a gap
             * @example Alice Example
             */
            userName: string | null;
        };
        ShiftsResponse: {
            /** @description the final schedule in the window, overrides applied, cut at its edges */
            shifts: components["schemas"]["ShiftResponse"][];
            /**
             * Format: date-time
             * @description the window start; ISO 8601, UTC
             * @example 2026-11-30T00:00:00.000Z
             */
            since: string;
            /**
             * @description the schedule’s IANA time zone, which the *Local fields are in
             * @example America/New_York
             */
            timeZone: string;
            /**
             * Format: date-time
             * @description the window end (exclusive); ISO 8601, UTC
             * @example 2026-12-07T00:00:00.000Z
             */
            until: string;
        };
        SignInProvidersResponse: {
            /**
             * @description an admin may always sign in with an admin API key
             * @example true
             */
            apiKey: boolean;
            /**
             * @description email sign-in links can be sent (SMTP is configured)
             * @example false
             */
            emailLink: boolean;
            /**
             * @description OpenID Connect sign-in is configured (GET /auth/oidc/login)
             * @example true
             */
            oidc: boolean;
        };
        SlackChallengeResponse: {
            /**
             * @description the challenge of a url_verification request
             * @example 3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P
             */
            challenge: string;
        };
        SlackErrorResponse: {
            /**
             * @description why the request was refused
             * @example invalid Slack signature
             */
            error: string;
        };
        SlackEventBody: {
            /**
             * @description url_verification: the value to answer
             * @example 3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P
             */
            challenge?: string;
            /**
             * @description a slash command
             * @example /oncall
             */
            command?: string;
            /**
             * @description interactivity: the JSON of the button click (form-encoded)
             * @example {"type":"block_actions","actions":[{"action_id":"ack"}]}
             */
            payload?: string;
            /**
             * @description the slash command's text
             * @example payments
             */
            text?: string;
            /**
             * @description url_verification (JSON), when Slack checks the URL
             * @example url_verification
             */
            type?: string;
        };
        SlackLinkResponse: {
            /**
             * @description the Slack user id now held by their `slack` contact method
             * @example U024BE7LH
             */
            slackUserId: string;
            /**
             * Format: uuid
             * @description the Klaxon user
             * @example 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b
             */
            userId: string;
        };
        TeamResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description team id
             * @example 8b7a6c5d-4e3f-4a1b-9c0d-2e1f3a4b5c6d
             */
            id: string;
            /**
             * @description the members (user ids)
             * @example [
             *       "3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d"
             *     ]
             */
            memberIds: string[];
            /**
             * @description the name
             * @example Payments SRE
             */
            name: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
        };
        TestDecisionResponse: {
            /**
             * @description what the rule does
             * @example route
             * @enum {string}
             */
            action: "route" | "drop";
            /**
             * @description the alert's index in the group; null for an event that is not a group
             * @example 0
             */
            alert: number | null;
            /**
             * @description whether the fallback applied
             * @example false
             */
            fallback: boolean;
            /**
             * @description the rule that matched; null when the fallback applied
             * @example 0
             */
            ruleIndex: number | null;
            /**
             * @description its name; null for the fallback
             * @example payments team
             */
            ruleName: string | null;
            /**
             * Format: uuid
             * @description the service, for route
             * @example 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            serviceId: string | null;
            /**
             * @description the severity override, if any
             * @example null
             * @enum {string|null}
             */
            severity: "critical" | "error" | "warning" | "info" | null;
            /**
             * @description the incident would be recorded suppressed (never pages)
             * @example false
             */
            suppress: boolean;
        };
        TestEventResponse: {
            /** @description what decided each event (each alert of a group) */
            decisions: components["schemas"]["TestDecisionResponse"][];
            /**
             * @description what would be recorded, one entry per service
             * @example [
             *       {
             *         "serviceId": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
             *         "action": "trigger",
             *         "dedupKey": "{}:{alertname=\"DiskFull\"}",
             *         "title": "DiskFull (1 firing)",
             *         "severity": "error",
             *         "suppressed": false,
             *         "alerts": 1
             *       }
             *     ]
             */
            incidents: {
                /** @enum {string} */
                action?: "trigger" | "acknowledge" | "resolve";
                alerts?: number | null;
                dedupKey?: string | null;
                /** Format: uuid */
                serviceId?: string;
                /** @enum {string} */
                severity?: "critical" | "error" | "warning" | "info";
                suppressed?: boolean;
                title?: string;
            }[];
            /**
             * @description route: recorded for the services below; drop: nothing recorded; follow-up: an acknowledge/resolve, which acts on the open incidents this router opened with its dedup key
             * @example route
             * @enum {string}
             */
            result: "route" | "drop" | "follow-up";
            /**
             * @description in words
             * @example rule 0 "payments team" routes the event to service 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
             */
            summary: string;
        };
        TestEventRouterDto: {
            /**
             * @description the event exactly as the monitoring tool would send it (routing_key may be left out)
             * @example {
             *       "version": "4",
             *       "groupKey": "{}:{alertname=\"DiskFull\"}",
             *       "status": "firing",
             *       "alerts": [
             *         {
             *           "status": "firing",
             *           "labels": {
             *             "alertname": "DiskFull",
             *             "team": "payments"
             *           }
             *         }
             *       ]
             *     }
             */
            body: {
                [key: string]: unknown;
            };
            /**
             * @description the format of body, as the route it would be sent to reads it
             * @example alertmanager
             * @enum {string}
             */
            format: "events-v2" | "alertmanager" | "grafana" | "generic" | "opsgenie";
        };
        TimelineActorResponse: {
            /**
             * @description its id; null for the system
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            id: string | null;
            /**
             * @description its name
             * @example Ada Lovelace
             */
            name: string | null;
            /**
             * @description what kind of actor
             * @example user
             * @enum {string}
             */
            type: "user" | "api-key" | "system" | "integration";
        };
        TimelineEntryResponse: {
            /** @description who did it */
            actor: components["schemas"]["TimelineActorResponse"];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            at: string;
            /**
             * @description through which channel
             * @example sms
             */
            channel: string;
            /**
             * @description details of the entry, by type; null when none
             * @example null
             */
            data: {
                [key: string]: unknown;
            } | null;
            /**
             * @description the entry, for a person
             * @example Acknowledged by Ada Lovelace via sms
             */
            message: string;
            /**
             * @description what happened
             * @example acknowledged
             */
            type: string;
        };
        TwilioSmsForm: {
            /**
             * @description the reply: ack, resolve or help, optionally with an incident number
             * @example ack 42
             */
            Body?: string;
            /**
             * @description the number the reply came from (E.164)
             * @example +14155550123
             */
            From: string;
            /**
             * @description Twilio's id of the message
             * @example SM0123456789abcdef0123456789abcdef
             */
            MessageSid: string;
        };
        TwilioSmsStatusForm: {
            /**
             * @description Twilio's id of the message
             * @example SM0123456789abcdef0123456789abcdef
             */
            MessageSid?: string;
            /**
             * @description queued, sent, delivered, undelivered, failed...
             * @example delivered
             */
            MessageStatus?: string;
        };
        TwilioVoiceGatherForm: {
            /**
             * @description Twilio's id of the call
             * @example CA0123456789abcdef0123456789abcdef
             */
            CallSid: string;
            /**
             * @description the key pressed: 4 acknowledges, 6 resolves, 5 escalates
             * @example 4
             */
            Digits?: string;
        };
        TwilioVoiceStatusForm: {
            /**
             * @description Twilio's id of the call
             * @example CA0123456789abcdef0123456789abcdef
             */
            CallSid?: string;
            /**
             * @description queued, ringing, in-progress, completed, busy, no-answer, failed...
             * @example completed
             */
            CallStatus?: string;
        };
        UpdateChatDestinationDto: {
            /**
             * @description the Slack channel id (slack-channel)
             * @example C0123456789
             */
            channelId?: string | null;
            /**
             * @description false: escalation skips it
             * @example false
             */
            enabled?: boolean;
            /**
             * @description a label for people
             * @example Payments on-call room
             */
            name?: string;
            /**
             * @description the kind of destination
             * @example mattermost
             * @enum {string}
             */
            type?: "teams" | "mattermost" | "slack-channel";
            /**
             * @description the incoming webhook URL (teams, mattermost)
             * @example https://chat.example.com/hooks/xg7ph3bkqi8ydkp1sq3k6e1aoc
             */
            url?: string | null;
        };
        UpdateContactMethodDto: {
            /**
             * @description a disabled contact method is never paged
             * @example false
             */
            enabled: boolean;
        };
        UpdateEventRouterDto: {
            /** @description replaces the fallback (the hit counters start again) */
            fallback?: components["schemas"]["FallbackDto"];
            /**
             * @description a name for people
             * @example Prometheus (all teams)
             */
            name?: string;
            /**
             * @description events per minute for this key; 0: unlimited; null: the install default
             * @example null
             */
            rateLimitPerMinute?: number | null;
            /** @description replaces every rule (the hit counters start again) */
            rules?: components["schemas"]["RuleDto"][];
        };
        UpdateHandoffRuleDto: {
            /**
             * @description minutes before the handoff; 0 is at the handoff
             * @example 30
             */
            advanceMinutes?: number;
            /**
             * Format: uuid
             * @description one of the same user's contact methods (SMS, email or Slack)
             * @example 5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90
             */
            contactMethodId?: string;
            /**
             * @description tell of shifts starting (oncall), ending (offcall) or both
             * @example both
             * @enum {string}
             */
            handoffType?: "oncall" | "offcall" | "both";
        };
        UpdateMaintenanceWindowDto: {
            /**
             * @description what the maintenance is, for people
             * @example Deploy billing-api v2.15
             */
            description?: string;
            /**
             * Format: date-time
             * @description a new end (ISO 8601): after start, at most 30 days after it
             * @example 2026-12-01T23:30:00Z
             */
            end?: string;
            /**
             * @description the services it covers, replacing the current list
             * @example [
             *       "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d"
             *     ]
             */
            serviceIds?: string[];
            /**
             * Format: date-time
             * @description a new start (ISO 8601)
             * @example 2026-12-01T22:30:00Z
             */
            start?: string;
        };
        UpdateServiceDto: {
            /**
             * @description an acknowledged incident triggers again after this many minutes; null: never
             * @example 60
             */
            ackTimeoutMinutes?: number | null;
            /**
             * @description an incident with no new alert for this many minutes is resolved; null: never
             * @example 240
             */
            autoResolveMinutes?: number | null;
            /**
             * @description free text for responders
             * @example Invoices and payments
             */
            description?: string | null;
            /**
             * Format: uuid
             * @description who is paged for this service
             * @example 1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b
             */
            escalationPolicyId?: string;
            /**
             * @description the name shown in pages
             * @example Billing API
             */
            name?: string;
            /**
             * @description the Slack channel pages are posted to; null: none
             * @example C024BE91L
             */
            slackChannelId?: string | null;
        };
        UpdateTeamDto: {
            /** @description replaces the member list */
            memberIds?: string[];
            /**
             * @description unique among teams
             * @example Payments SRE
             */
            name?: string;
        };
        UpdateUserDto: {
            /**
             * @description unique among users
             * @example ada@example.com
             */
            email?: string;
            /**
             * @description the name shown in pages, Slack and the schedule views
             * @example Ada Lovelace
             */
            name?: string;
            /**
             * @description what the user may do when signed in to the console
             * @default responder
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
            /**
             * @description IANA time zone, for the times in pages and views
             * @default UTC
             * @example Europe/London
             */
            timeZone: string;
        };
        UpdateWebhookDto: {
            /**
             * @description what the webhook is for
             * @example Status page updater
             */
            description?: string | null;
            /**
             * @description true turns a disabled webhook back on (its failure streak starts again); false turns it off
             * @example true
             */
            enabled?: boolean;
            /**
             * @description the events to send, replacing the list
             * @example [
             *       "incident.triggered",
             *       "incident.resolved"
             *     ]
             */
            events?: ("incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.note_added" | "incident.maintenance_ended" | "oncall.handoff")[];
            /**
             * @description only incidents of these services; null: every service
             * @example null
             */
            serviceIds?: string[] | null;
            /**
             * @description a new URL (checked like at creation)
             * @example https://hooks.example.org/klaxon/T0k3n
             */
            url?: string;
        };
        UserHoursResponse: {
            /**
             * @description hours on call in the window (final schedule, overrides included)
             * @example 84
             */
            hours: number;
            /**
             * @description share of the window, 0..1
             * @example 0.5
             */
            share: number;
            /**
             * @description number of final-schedule segments of this user
             * @example 2
             */
            shifts: number;
            /**
             * Format: uuid
             * @description the user
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            userId: string;
            /**
             * @description null once the user is deleted
             * @example Alice Example
             */
            userName: string | null;
        };
        UserResponse: {
            /** @description how to reach the user */
            contactMethods: components["schemas"]["ContactMethodResponse"][];
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description email address
             * @example ada@example.com
             */
            email: string;
            /**
             * Format: uuid
             * @description user id
             * @example 3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description display name
             * @example Ada Lovelace
             */
            name: string;
            /** @description when each contact method is paged, by delayMinutes */
            notificationRules: components["schemas"]["NotificationRuleResponse"][];
            /**
             * @description what the user may do when signed in to the console
             * @example responder
             * @enum {string}
             */
            role: "admin" | "responder" | "read-only";
            /**
             * @description IANA time zone
             * @example Europe/London
             */
            timeZone: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
        };
        WebhookAcceptedResponse: {
            /**
             * @description the key that groups alerts into one incident (of the first alert of the body)
             * @example db-1/disk
             */
            dedup_key: string;
            /**
             * @description always Event processed
             * @example Event processed
             * @enum {string}
             */
            message: "Event processed";
            /**
             * @description always success
             * @example success
             * @enum {string}
             */
            status: "success";
        };
        WebhookErrorResponse: {
            /**
             * @description each problem found
             * @example [
             *       "'routing_key' is missing or blank"
             *     ]
             */
            errors: string[];
            /**
             * @description what went wrong
             * @example Event object is invalid
             */
            message: string;
            /**
             * @description invalid event, unauthorized, not found, payload too large, unsupported media type or throttle event
             * @example invalid event
             */
            status: string;
        };
        WebhookResponse: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            createdAt: string;
            /**
             * @description what the webhook is for
             * @example Status page updater
             */
            description: string | null;
            /**
             * Format: date-time
             * @description when it was disabled; ISO 8601, UTC
             * @example null
             */
            disabledAt: string | null;
            /**
             * @description why it was disabled
             * @example null
             */
            disabledReason: string | null;
            /**
             * @description false once disabled (by a person, or after 24 hours of failed deliveries)
             * @example true
             */
            enabled: boolean;
            /**
             * @description the events sent
             * @example [
             *       "incident.triggered",
             *       "incident.resolved"
             *     ]
             */
            events: ("incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.note_added" | "incident.maintenance_ended" | "oncall.handoff")[];
            /**
             * Format: date-time
             * @description the first failed attempt since the last success; null when the last attempt succeeded
             * @example null
             */
            failingSince: string | null;
            /**
             * Format: uuid
             * @description webhook id
             * @example 5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f
             */
            id: string;
            /**
             * @description the services whose incidents are sent; null: every service
             * @example null
             */
            serviceIds: string[] | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC
             * @example 2026-11-30T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description the URL; only its scheme and host (`https://host/***`) for read-only keys
             * @example https://hooks.example.org/klaxon/T0k3n
             */
            url: string;
        };
        WeeklyIncidentFiguresResponse: {
            /**
             * @description of those, how many are or were acknowledged
             * @example 10
             */
            acknowledged: number;
            /**
             * @description of those, how many escalated past the first level (or looped)
             * @example 3
             */
            escalated: number;
            /**
             * @description mean seconds from opening to acknowledgement, of those acknowledged; null when none
             * @example 142.5
             */
            meanSecondsToAcknowledge: number | null;
            /**
             * @description mean seconds from opening to resolution, of those resolved; null when none
             * @example 1800
             */
            meanSecondsToResolve: number | null;
            /**
             * @description incidents opened in the week (and in the range)
             * @example 12
             */
            opened: number;
            /**
             * @description 90th percentile (interpolated) of the same
             * @example 300
             */
            p90SecondsToAcknowledge: number | null;
            /**
             * @description 90th percentile (interpolated) of the same
             * @example 3600
             */
            p90SecondsToResolve: number | null;
            /**
             * @description of those, how many are resolved
             * @example 11
             */
            resolved: number;
            /**
             * @description the service
             * @example 5b1f7f3e-8f0c-4a53-9d8e-2f4b7c1d9a10
             */
            serviceId: string;
            /**
             * @description the service name
             * @example Checkout API
             */
            serviceName: string;
            /**
             * @description ISO 8601 week (Monday to Sunday, UTC) the incidents opened in
             * @example 2026-W10
             */
            week: string;
            /**
             * @description the Monday 00:00 UTC that starts the week
             * @example 2026-03-02T00:00:00.000Z
             */
            weekStart: string;
        };
        WindowCreatorResponse: {
            /**
             * @description the API key id ("env" for the admin key from the environment)
             * @example env
             */
            id: string;
            /**
             * @description the API key name
             * @example deploy-bot
             */
            name: string;
            /**
             * @description what created it
             * @example api-key
             * @enum {string}
             */
            type: "api-key";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    EmailActions_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the signed, single-use, expiring action token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page with the incident and a confirmation button (a POST to the same URL) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>Acknowledge incident #42?</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the token is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This link is not valid.</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the incident no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This incident no longer exists.</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the link was already used */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This link has already been used.</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the link has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This link has expired.</p></body></html> */
                    "text/html": string;
                };
            };
        };
    };
    EmailActions_perform: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the signed, single-use, expiring action token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page saying what was done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>Incident #42 acknowledged.</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the token is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This link is not valid.</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the incident no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This incident no longer exists.</p></body></html> */
                    "text/html": string;
                };
            };
            /**
             * @description the link was already used, or the incident is already resolved
             *
             *     the link was already used
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This link has already been used.</p></body></html> */
                    "text/html": string;
                };
            };
            /** @description the link has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html><body><p>This link has expired.</p></body></html> */
                    "text/html": string;
                };
            };
        };
    };
    ApiKeys_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every key, revoked ones included, on one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiKeys_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description the key, with the key itself */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiKeys_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the API key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuditLog_list: {
        parameters: {
            query?: {
                /** @description only this action */
                action?: string;
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
                /** @description an API key id, or "env" */
                principalId?: string;
                /** @description the id of the top-level resource */
                resourceId?: string;
                /** @description user, team, schedule, escalation-policy, service, incident, api-key */
                resourceType?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatDestinations_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of chat destinations, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["ChatDestinationResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatDestinations_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChatDestinationDto"];
            };
        };
        responses: {
            /** @description the destination created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatDestinationResponse"];
                };
            };
            /** @description a field is invalid, or missing or refused for the type */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatDestinations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the chat destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the destination */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatDestinationResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatDestinations_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the chat destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an escalation policy still targets it (the policies are listed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatDestinations_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the chat destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChatDestinationDto"];
            };
        };
        responses: {
            /** @description the destination after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatDestinationResponse"];
                };
            };
            /** @description a field is invalid, or missing or refused for the type */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationPolicies_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of policies, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["EscalationPolicyResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationPolicies_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalationPolicyDto"];
            };
        };
        responses: {
            /** @description the policy created, with warnings about unreachable targets */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPolicyResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an escalation policy with that name already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationPolicies_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the escalation policy id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the policy, with warnings about unreachable targets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPolicyResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationPolicies_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the escalation policy id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalationPolicyDto"];
            };
        };
        responses: {
            /** @description the policy after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPolicyResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description conflicts with the current state (a name taken, an object still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationPolicies_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the escalation policy id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a service still uses the policy */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EventRouters_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of routers, newest first (routingKey and urls are null for non-admin keys) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["EventRouterResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EventRouters_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventRouterDto"];
            };
        };
        responses: {
            /** @description the router, with its routing key and URLs */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventRouterResponse"];
                };
            };
            /** @description invalid input: each problem names its rule (index and name), e.g. an RE2 pattern that does not compile or an unknown service */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EventRouters_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the router id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the router and its hits (routingKey and urls are null for non-admin keys) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventRouterResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EventRouters_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the router id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EventRouters_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the router id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEventRouterDto"];
            };
        };
        responses: {
            /** @description the router after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventRouterResponse"];
                };
            };
            /** @description invalid input: each problem names its rule (index and name) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RouterTest_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the router id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestEventRouterDto"];
            };
        };
        responses: {
            /** @description the decision for the event (each alert of a group) and the incidents it would open or update */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestEventResponse"];
                };
            };
            /** @description unknown format, or the body is not a valid event of that format (every problem named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    LiveEvents_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    IncidentNumbers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident number */
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the incident */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentResponse"];
                };
            };
            /** @description the number is not a positive integer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
                /** @description only this service's incidents */
                serviceId?: string;
                /** @description "open" = triggered or acknowledged */
                status?: "triggered" | "acknowledged" | "resolved" | "open";
                /** @description only suppressed incidents (true) or only the others (false) */
                suppressed?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of incidents (without alerts and timeline) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["IncidentResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DirectPaging_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentDto"];
            };
        };
        responses: {
            /** @description the incident opened, as GET /api/v1/incidents/{id} shows it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentResponse"];
                };
            };
            /** @description bad input, both or neither of serviceId and targets, or an unknown service, user, schedule or policy (the field is named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the incident */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentActionDto"];
            };
        };
        responses: {
            /** @description the incident after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the incident is resolved (incidentStatus in the body) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_escalate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentActionDto"];
            };
        };
        responses: {
            /** @description the incident after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the incident is resolved (incidentStatus in the body) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_listNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the notes (the most recent 500) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteResponse"][];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_addNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddNoteDto"];
            };
        };
        responses: {
            /** @description the note added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteResponse"];
                };
            };
            /** @description text missing, empty or longer than 4,000 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    IncidentNotifications_ofIncident: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the pages, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentNotificationsPageResponse"];
                };
            };
            /** @description `id` is not a UUID, or `limit` or `cursor` is invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no incident has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentActionDto"];
            };
        };
        responses: {
            /** @description the incident after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Incidents_export: {
        parameters: {
            query?: {
                /** @description start of the range, inclusive (ISO 8601); default: 30 days before `until` */
                since?: string;
                /** @description end of the range, exclusive (ISO 8601); default: now */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one JSON object per line, in incident number order, each shaped like GET /api/v1/incidents/{id} with every alert and timeline entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description a bad date, or since not before until; the field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MaintenanceWindows_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
                /** @description only windows that cover this service */
                serviceId?: string;
                /** @description only windows in this state now */
                state?: "upcoming" | "active" | "ended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of windows, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["MaintenanceWindowResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MaintenanceWindows_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMaintenanceWindowDto"];
            };
        };
        responses: {
            /** @description the window created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceWindowResponse"];
                };
            };
            /** @description invalid input: an end not after start or more than 30 days after it, or no such service */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MaintenanceWindows_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the window id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceWindowResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MaintenanceWindows_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the window id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the window has started: end it early instead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MaintenanceWindows_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the window id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMaintenanceWindowDto"];
            };
        };
        responses: {
            /** @description the window after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceWindowResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the window has started: end it early instead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MaintenanceWindows_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the window id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the window, ended (also when it had already ended) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceWindowResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the window has not started: delete it instead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OnCall_get: {
        parameters: {
            query?: {
                /** @description instant (ISO-8601 with offset); default now */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one item per person on call per policy level */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoliciesOnCallResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    IncidentReports_weekly: {
        parameters: {
            query?: {
                /** @description only this service */
                serviceId?: string;
                /** @description start of the range, inclusive (ISO 8601); default: 30 days before `until` */
                since?: string;
                /** @description end of the range, exclusive (ISO 8601); default: now */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description per service and ISO week */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentReportResponse"];
                };
            };
            /** @description a bad date or service id, since not before until, or a range over 366 days; the field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of schedules, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["ScheduleResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleInputDto"];
            };
        };
        responses: {
            /** @description the schedule created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description conflicts with the current state (a name taken, an object still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleInputDto"];
            };
        };
        responses: {
            /** @description the schedule after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description conflicts with the current state (a name taken, an object still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an escalation policy still targets the schedule */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SchedulePatchDto"];
            };
        };
        responses: {
            /** @description the schedule after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleResponse"];
                };
            };
            /** @description a field given is invalid (each bad field is named), or null */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description conflicts with the current state (a name taken, an object still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_ical: {
        parameters: {
            query?: {
                /** @description the token of the schedule’s icalUrl (from GET /schedules/{id}) */
                token?: string;
                /** @description only the shifts of this user */
                userId?: string;
            };
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar; window 7 days back to 90 ahead */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example BEGIN:VCALENDAR
                     *     VERSION:2.0
                     *     ...
                     *     END:VCALENDAR
                     */
                    "text/calendar": string;
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such schedule, or a missing or wrong token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_onCall: {
        parameters: {
            query?: {
                /** @description ISO-8601 instant; default now */
                at?: string;
            };
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description who is on call, and since and until when */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnCallResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_listOverrides: {
        parameters: {
            query?: {
                /** @description ISO-8601 instant; default now */
                since?: string;
                /** @description ISO-8601 instant; default since + 7 days; at most one year after since */
                until?: string;
            };
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the schedule's overrides, on one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideListResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_addOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOverrideDto"];
            };
        };
        responses: {
            /** @description the override created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the schedule already holds the most overrides allowed: delete past ones first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_removeOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
                /** @description the override id */
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role responder or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_report: {
        parameters: {
            query?: {
                /** @description ISO-8601 instant; default now */
                since?: string;
                /** @description ISO-8601 instant; default since + 7 days; at most one year after since */
                until?: string;
            };
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the fairness report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Schedules_shifts: {
        parameters: {
            query?: {
                /** @description ISO-8601 instant; default now */
                since?: string;
                /** @description ISO-8601 instant; default since + 7 days; at most one year after since */
                until?: string;
            };
            header?: never;
            path: {
                /** @description the schedule id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the shifts, overrides applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftsResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of services, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["ServiceResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceDto"];
            };
        };
        responses: {
            /** @description the service created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponse"];
                };
            };
            /** @description invalid input, or no such escalation policy */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a service with that name already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceDto"];
            };
        };
        responses: {
            /** @description the service after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponse"];
                };
            };
            /** @description invalid input, or no such escalation policy */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a service with that name already exists, or a change the built-in Direct pages service refuses (name, policy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the built-in Direct pages service cannot be deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateServiceDto"];
            };
        };
        responses: {
            /** @description the service after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponse"];
                };
            };
            /** @description invalid input, or no such escalation policy */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a service with that name already exists, or a change the built-in Direct pages service refuses (name, policy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_listHeartbeats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the monitors (key and url are null for non-admin keys) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatMonitorResponse"][];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_addHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateHeartbeatDto"];
            };
        };
        responses: {
            /** @description the monitor, with its key and URL for admin keys */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatMonitorResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the built-in Direct pages service takes none */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_removeHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
                /** @description the heartbeat monitor id */
                monitorId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_listIntegrations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the integrations (key and url are null for non-admin keys) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationResponse"][];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_addIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIntegrationDto"];
            };
        };
        responses: {
            /** @description the integration, with its key and URL for admin keys */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the built-in Direct pages service takes none */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Services_removeIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the service id */
                id: string;
                /** @description the integration id */
                integrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Session_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description who is signed in, the role, the CSRF token for writes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the caller is an API key, not a console session */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Session_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the caller is an API key, not a console session */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Session_signInWithApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeySignInDto"];
            };
        };
        responses: {
            /** @description signed in; the cookie is set */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the key is unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the key is not an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EmailSignIn_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailLinkRequestDto"];
            };
        };
        responses: {
            /** @description if a user has this email, a link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailLinkRequestedResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description email sign-in is not configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description too many requests from this client */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EmailSignIn_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailLinkConfirmDto"];
            };
        };
        responses: {
            /** @description signed in; the cookie is set */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the link is unknown, used or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Session_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description only for a request Fastify cannot route (this route refuses nothing) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the configured sign-in methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInProvidersResponse"];
                };
            };
        };
    };
    SessionsAdmin_list: {
        parameters: {
            query?: {
                /** @description only this user's sessions */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the live sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionSummaryResponse"][];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SessionsAdmin_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description session id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of teams, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["TeamResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTeamDto"];
            };
        };
        responses: {
            /** @description the team created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a team with that name already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the team id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the team id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the team id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTeamDto"];
            };
        };
        responses: {
            /** @description the team after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a team with that name already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the team id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberDto"];
            };
        };
        responses: {
            /** @description the team with the new member */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Teams_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the team id */
                id: string;
                /** @description the member (user id) to remove */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the team without the member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of users, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["UserResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description the user created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a user with that email already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the user is still a target of an escalation policy or in a schedule */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description the user after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user (role, email: admin only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a user with that email already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_addContactMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactMethodDto"];
            };
        };
        responses: {
            /** @description the contact method created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactMethodResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the user already has that contact method */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_removeContactMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the contact method id */
                cmId: string;
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_updateContactMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the contact method id */
                cmId: string;
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactMethodDto"];
            };
        };
        responses: {
            /** @description the contact method after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactMethodResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HandoffRules_messages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the messages, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffMessageListResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HandoffRules_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRuleListResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HandoffRules_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateHandoffRuleDto"];
            };
        };
        responses: {
            /** @description the rule created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRuleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HandoffRules_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the handoff rule id */
                handoffRuleId: string;
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRuleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HandoffRules_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the handoff rule id */
                handoffRuleId: string;
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HandoffRules_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the handoff rule id */
                handoffRuleId: string;
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateHandoffRuleDto"];
            };
        };
        responses: {
            /** @description the rule after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffRuleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_addRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNotificationRuleDto"];
            };
        };
        responses: {
            /** @description the rule created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRuleResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description a rule with that delayMinutes already exists for that contact method */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_removeRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
                /** @description the notification rule id */
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs an admin key or session, or a responder console session of this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SlackLink_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description linked (a `slack` contact method, without a notification rule), or already linked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackLinkResponse"];
                };
            };
            /** @description `id` is not a UUID, or no member of the Slack workspace has the user's email (names `email`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no user has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Slack is not configured, or that Slack member is linked to another user */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of webhooks, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["WebhookResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            /** @description the webhook, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookResponse"];
                };
            };
            /** @description invalid input: an unknown event, a URL that is not http(s) or points at a private address, no such service */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an escalation policy still pages this webhook */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            /** @description the webhook after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_deliveries: {
        parameters: {
            query?: {
                /** @description opaque cursor from a previous page */
                cursor?: string;
                /** @description items per page */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of deliveries, newest first, each with its attempts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this page, newest first unless the route says otherwise */
                        items: components["schemas"]["DeliveryResponse"][];
                        /**
                         * @description pass as `cursor` for the next page; null on the last page
                         * @example eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0
                         */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Webhooks_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the delivery id */
                deliveryId: string;
                /** @description the webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the delivery, pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description needs a key of role admin or higher */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the webhook is disabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Health_healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description only for a request Fastify cannot route (the probe itself refuses nothing) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResponse"];
                };
            };
        };
    };
    Heartbeats_ping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the monitor's key (the credential), from its url */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the ping is recorded */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatAcceptedResponse"];
                };
            };
            /** @description unknown heartbeat key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
        };
    };
    IncidentLink_show: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 22-character token of the short link an SMS page carried */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The incident, with a button per action the link can still take */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Unknown token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Expired link */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    IncidentLink_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 22-character token of the short link an SMS page carried */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Acknowledged (or already acknowledged) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Unknown token, or the incident no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description This link already acknowledged, or the incident is resolved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Expired link */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    IncidentLink_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 22-character token of the short link an SMS page carried */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resolved (or already resolved) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Unknown token, or the incident no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description This link already resolved the incident */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Expired link */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    Webhooks_alertmanager: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the integration's key (the credential), from its url */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertmanagerWebhookBody"];
            };
        };
        responses: {
            /** @description accepted, after the commit */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAcceptedResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description unknown integration key, or the key of another type of integration */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description rate limited: retry after the Retry-After header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
        };
    };
    Webhooks_genericGet: {
        parameters: {
            query?: {
                /** @description default trigger; acknowledge and resolve need dedupKey */
                action?: "trigger" | "acknowledge" | "resolve";
                /** @description the key that groups alerts into one incident */
                dedupKey?: unknown;
                /** @description default error; any other parameter becomes a detail */
                severity?: "critical" | "error" | "warning" | "info";
                /** @description the incident title; required to trigger */
                summary?: unknown;
            };
            header?: never;
            path: {
                /** @description the integration's key (the credential), from its url */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description accepted, after the commit */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAcceptedResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description unknown integration key, or the key of another type of integration */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description rate limited: retry after the Retry-After header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
        };
    };
    Webhooks_generic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the integration's key (the credential), from its url */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenericWebhookBody"];
            };
        };
        responses: {
            /** @description accepted, after the commit */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAcceptedResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description unknown integration key, or the key of another type of integration */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description rate limited: retry after the Retry-After header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
        };
    };
    Webhooks_grafana: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the integration's key (the credential), from its url */
                key: string;
            };
            cookie?: never;
        };
        /** @description Grafana's webhook body (Alertmanager's, with Grafana's extra fields) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertmanagerWebhookBody"];
            };
        };
        responses: {
            /** @description accepted, after the commit */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAcceptedResponse"];
                };
            };
            /** @description invalid input: each bad field is named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description missing, stale or invalid signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description unknown integration key, or the key of another type of integration */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description an unsupported Content-Type, charset or encoding */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
            /** @description rate limited: retry after the Retry-After header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookErrorResponse"];
                };
            };
        };
    };
    Health_readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description only for a request Fastify cannot route (the probe itself refuses nothing) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessResponse"];
                };
            };
            /** @description not ready: the database is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessResponse"];
                };
            };
        };
    };
    SlackEvents_events: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlackEventBody"];
                "application/x-www-form-urlencoded": components["schemas"]["SlackEventBody"];
            };
        };
        responses: {
            /** @description handled; the body, when any, is what Slack shows (the /oncall answer) or the URL verification challenge */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackChallengeResponse"];
                    /** @example On call now: Ada Lovelace (Payments primary, level 1) */
                    "text/plain": string;
                };
            };
            /** @description an unreadable or unexpected Slack payload */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackErrorResponse"];
                };
            };
            /** @description missing, stale or invalid Slack signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackErrorResponse"];
                };
            };
            /** @description Slack is not configured (SLACK_BOT_TOKEN) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackErrorResponse"];
                };
            };
        };
    };
    TwilioSms_inbound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioSmsForm"];
            };
        };
        responses: {
            /** @description TwiML: one <Message> confirming the action, or an empty <Response> */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <?xml version="1.0" encoding="UTF-8"?><Response><Message>Acknowledged #42</Message></Response> */
                    "text/xml": string;
                };
            };
            /** @description a required form field is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description missing or invalid X-Twilio-Signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TwilioSms_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioSmsStatusForm"];
            };
        };
        responses: {
            /** @description recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a required form field is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description missing or invalid X-Twilio-Signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TwilioVoice_twiml: {
        parameters: {
            query?: {
                /** @description the page (notification id) the call is for, set by Klaxon in the URL */
                notification?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description TwiML that reads the incident and gathers one key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1"><Say>Klaxon incident number 4 2...</Say></Gather></Response> */
                    "text/xml": string;
                };
            };
            /** @description missing or invalid X-Twilio-Signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TwilioVoice_twimlPost: {
        parameters: {
            query?: {
                /** @description the page (notification id) the call is for, set by Klaxon in the URL */
                notification?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description TwiML that reads the incident and gathers one key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1"><Say>Klaxon incident number 4 2...</Say></Gather></Response> */
                    "text/xml": string;
                };
            };
            /** @description missing or invalid X-Twilio-Signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TwilioVoice_gather: {
        parameters: {
            query?: {
                /** @description the page (notification id) the call is for, set by Klaxon in the URL */
                notification?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioVoiceGatherForm"];
            };
        };
        responses: {
            /** @description TwiML saying what was done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <?xml version="1.0" encoding="UTF-8"?><Response><Say>Incident acknowledged.</Say></Response> */
                    "text/xml": string;
                };
            };
            /** @description a required form field is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description missing or invalid X-Twilio-Signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TwilioVoice_status: {
        parameters: {
            query?: {
                /** @description the page (notification id) the call is for, set by Klaxon in the URL */
                notification?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioVoiceStatusForm"];
            };
        };
        responses: {
            /** @description recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a required form field is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description missing or invalid X-Twilio-Signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Opsgenie_create: {
        parameters: {
            query?: never;
            header: {
                /** @description `GenieKey <key>`: the key of an integration of type opsgenie */
                Authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpsgenieCreateAlertBody"];
            };
        };
        responses: {
            /** @description carried out and committed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieAcceptedResponse"];
                };
            };
            /** @description malformed JSON, or no body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description missing or malformed Authorization, an unknown key, or the key of another type of integration */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description body over 512 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description the request is not valid: every problem named */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description integration rate limit (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
        };
    };
    Opsgenie_act: {
        parameters: {
            query?: {
                /** @description id (default): the incident id; tiny: its number; alias: the dedup key of the open incident */
                identifierType?: "id" | "tiny" | "alias";
            };
            header: {
                /** @description `GenieKey <key>`: the key of an integration of type opsgenie */
                Authorization: string;
            };
            path: {
                /** @description acknowledge, close (resolves the incident) or notes (adds a note to the incident's timeline) */
                action: "acknowledge" | "close" | "notes";
                /** @description the incident id, its number (tiny) or its dedup key (alias), as identifierType says */
                identifier: string;
            };
            cookie?: never;
        };
        /** @description `note` is required for notes; no body is an empty one for acknowledge and close */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OpsgenieActionBody"];
            };
        };
        responses: {
            /** @description carried out and committed (by alias with no open incident: its request status says it failed) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieAcceptedResponse"];
                };
            };
            /** @description malformed JSON, or no body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description missing or malformed Authorization, an unknown key, or the key of another type of integration */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description no such alert (incident) on the key's service, or another action */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description body over 512 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description the request is not valid: every problem named */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description integration rate limit (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
        };
    };
    Opsgenie_requestStatus: {
        parameters: {
            query?: never;
            header: {
                /** @description `GenieKey <key>`: the key of an integration of type opsgenie */
                Authorization: string;
            };
            path: {
                /** @description the requestId of a 202 */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieRequestStatusResponse"];
                };
            };
            /** @description missing or malformed Authorization, an unknown key, or the key of another type of integration */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description no such request made with this key (or past its retention) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
            /** @description integration rate limit (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieErrorResponse"];
                };
            };
        };
    };
    EventsV2_enqueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": ({
                    client?: string;
                    client_url?: string;
                    /** @description generated when absent, and returned; cut at 255 characters */
                    dedup_key?: string;
                    /** @enum {string} */
                    event_action: "trigger";
                    images?: {
                        alt?: string;
                        href?: string;
                        src: string;
                    }[];
                    links?: {
                        href: string;
                        text?: string;
                    }[];
                    payload: {
                        class?: string;
                        component?: string;
                        custom_details?: unknown;
                        group?: string;
                        /** @enum {string} */
                        severity: "critical" | "error" | "warning" | "info";
                        source: string;
                        /** @description the incident title (longer text is cut at 1024 characters) */
                        summary: string;
                        /** @description ISO 8601 */
                        timestamp?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /** @description the integration key of an events-v2 integration: the credential */
                    routing_key: string;
                } & {
                    [key: string]: unknown;
                }) | ({
                    client?: string;
                    client_url?: string;
                    /** @description the key of the incident to acknowledge or resolve */
                    dedup_key: string;
                    /** @enum {string} */
                    event_action: "acknowledge" | "resolve";
                    images?: {
                        alt?: string;
                        href?: string;
                        src: string;
                    }[];
                    links?: {
                        href: string;
                        text?: string;
                    }[];
                    payload?: unknown;
                    /** @description the integration key of an events-v2 integration: the credential */
                    routing_key: string;
                } & {
                    [key: string]: unknown;
                });
            };
        };
        responses: {
            /** @description accepted, after the commit */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dedup_key: string;
                        /** @enum {string} */
                        message: "Event processed";
                        /** @enum {string} */
                        status: "success";
                    };
                };
            };
            /** @description Event object is invalid: every problem named */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        message: string;
                        /** @description invalid event, unauthorized, not found, payload too large, unsupported media type, throttle event */
                        status: string;
                    };
                };
            };
            /** @description unknown routing_key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        message: string;
                        /** @description invalid event, unauthorized, not found, payload too large, unsupported media type, throttle event */
                        status: string;
                    };
                };
            };
            /** @description body over 512 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        message: string;
                        /** @description invalid event, unauthorized, not found, payload too large, unsupported media type, throttle event */
                        status: string;
                    };
                };
            };
            /** @description not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        message: string;
                        /** @description invalid event, unauthorized, not found, payload too large, unsupported media type, throttle event */
                        status: string;
                    };
                };
            };
            /** @description integration rate limit (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        message: string;
                        /** @description invalid event, unauthorized, not found, payload too large, unsupported media type, throttle event */
                        status: string;
                    };
                };
            };
        };
    };
}
