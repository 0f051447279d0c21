// AdOps Lab console: progressive enhancement only. Every page works without this file; with it, parts marked
// data-refresh follow the server (job and action progress) without a reload.
"use strict";

// <section id="x" data-refresh="2000"> is fetched again from the same URL every 2 s, and replaced by the section
// of the same id in the answer, until the answer's section no longer asks to refresh (the work has ended).
function followRefreshing(section) {
  const every = Number(section.dataset.refresh) || 2000;
  const timer = setInterval(async () => {
    try {
      const answer = await fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" });
      if (!answer.ok) return;
      const page = new DOMParser().parseFromString(await answer.text(), "text/html");
      const fresh = page.getElementById(section.id);
      if (!fresh) return;
      section.replaceWith(fresh);
      clearInterval(timer);
      if (fresh.dataset.refresh) followRefreshing(fresh);
    } catch (error) {
      // A dropped connection is tried again on the next tick.
    }
  }, every);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-refresh][id]").forEach(followRefreshing);
  // Selects marked data-autosubmit apply their filter at once; the submit button stays for keyboard users.
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form && select.form.requestSubmit());
  });
});
