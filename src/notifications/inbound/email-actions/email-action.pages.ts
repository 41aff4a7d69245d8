/** The small HTML pages an email action link (and an SMS short link) shows. Every dynamic value is escaped. */

const LABEL = { acknowledge: 'Acknowledge', resolve: 'Resolve' } as const;

export function confirmationPage(action: 'acknowledge' | 'resolve', incident: { number: number; title: string; status: string }, postUrl: string): string {
  return layout(
    `${LABEL[action]} incident #${incident.number}?`,
    `<p><strong>#${incident.number}</strong> ${escapeHtml(incident.title)}</p>
     <p>Current status: ${escapeHtml(incident.status)}</p>
     <form method="post" action="${escapeHtml(postUrl)}">
       <button type="submit">${LABEL[action]} incident #${incident.number}</button>
     </form>`,
  );
}

export function resultPage(title: string, message: string): string {
  return layout(title, `<p>${escapeHtml(message)}</p>`);
}

/** A whole page: `title` (escaped here) as its title and heading, then `body`, HTML the caller has escaped. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto;"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
