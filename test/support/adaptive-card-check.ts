import type * as AdaptiveCards from 'adaptivecards';

/**
 * The `adaptivecards` package (Microsoft's Adaptive Cards SDK) parses cards in
 * Node without a DOM, through its UMD bundle: its main entry is an ES module
 * whose imports lack file extensions, which Node cannot load. Same library,
 * same parser and validator.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

export interface AdaptiveCardCheck {
  /** Parse events (unknown element or action types, invalid property values...) and validation failures, as messages. */
  problems: string[];
  /** The card as the SDK read it back (unknown properties dropped). */
  parsed: unknown;
  /** Elements and actions the SDK built, by type. */
  elementTypes: string[];
  actionTypes: string[];
}

/** Parses a card with the Adaptive Cards SDK at `version` and reports every problem it found. */
export function checkAdaptiveCard(json: unknown): AdaptiveCardCheck {
  const card = new sdk.AdaptiveCard();
  const context = new sdk.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  const elementTypes: string[] = [];
  for (let i = 0; i < card.getItemCount(); i++) elementTypes.push(card.getItemAt(i).getJsonTypeName());
  const actionTypes: string[] = [];
  for (let i = 0; i < card.getActionCount(); i++) actionTypes.push(card.getActionAt(i)?.getJsonTypeName() ?? 'none');
  return { problems, parsed: card.toJSON(), elementTypes, actionTypes };
}
