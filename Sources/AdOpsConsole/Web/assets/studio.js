// AdOps Lab creative studio: progressive enhancement of /studio. Without this file the wizard is one long form
// that posts to /studio/review. With it: one step at a time, counters per platform on every keystroke (limits
// and measuring rules fetched once from /studio/limits, which reads the platforms' capability data), the
// validator's violations from /studio/check, live previews, platform previews and suggested variations.
// Text from people and platforms is only ever set with textContent; nothing here writes HTML.
"use strict";

(() => {
  const form = document.getElementById("wizard");
  if (!form) return;
  const csrf = form.querySelector('input[name="_csrf"]').value;
  const violations = document.getElementById("violations");
  let limits = null;

  // ---- Fields -------------------------------------------------------------------------------------------------

  // The form's fields as the JSON the server reads: name → values. The image's data URI is large, and the checks
  // only need to know there is one, so they get a stand-in.
  function draftFields(forCheck) {
    const fields = {};
    for (const [name, value] of new FormData(form)) {
      if (name === "_csrf" || typeof value !== "string") continue;
      let text = value;
      if (forCheck && name === "image-data" && value !== "") text = "data:image/png;base64,AA==";
      (fields[name] = fields[name] || []).push(text);
    }
    return fields;
  }

  function chosenPlatforms() {
    const chosen = new Set();
    form.querySelectorAll('input[name="account"]:checked').forEach((box) => chosen.add(box.dataset.platform));
    return [...chosen];
  }

  // The platforms whose counters show: the chosen accounts', or every platform before any is chosen.
  function shownPlatforms() {
    const chosen = chosenPlatforms();
    if (!limits) return [];
    return limits.platforms.filter((p) => chosen.length === 0 || chosen.includes(p.platform));
  }

  async function post(url, body) {
    const answer = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
    return answer.json();
  }

  // ---- Counting, as each platform counts ----------------------------------------------------------------------

  const segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function graphemes(text) {
    return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
  }

  function isWide(codePoint) {
    for (const [first, last] of limits.wideRanges) {
      if (codePoint >= first && codePoint <= last) return true;
    }
    return false;
  }

  function measure(text, counting) {
    const characters = graphemes(text);
    if (counting !== "cjkAsTwo") return characters.length;
    return characters.reduce((total, c) => total + (isWide(c.codePointAt(0)) ? 2 : 1), 0);
  }

  function updateCounters() {
    if (!limits) return;
    const counts = new Map();
    for (const platform of shownPlatforms()) {
      for (const field of platform.fields) {
        field.inputs.forEach((id, index) => {
          const input = document.getElementById(id);
          if (!input) return;
          if (index > 0 && input.value === "") return;
          const count = measure(input.value, field.counting);
          const list = counts.get(id) || [];
          list.push({ platform: platform.platform, count, field });
          counts.set(id, list);
        });
      }
    }
    form.querySelectorAll("p.counter").forEach((counter) => {
      const id = counter.id.replace(/-count$/, "");
      const parts = (counts.get(id) || []).map(({ platform, count, field }) => {
        const span = document.createElement("span");
        span.textContent = `${platform} ${count}/${field.maximum}`;
        if (count > field.maximum) span.className = field.enforcement === "hard" ? "over" : "over-soft";
        return span;
      });
      counter.replaceChildren(...parts.flatMap((span) => [span, document.createTextNode(" ")]));
    });
  }

  // ---- The validator's word -----------------------------------------------------------------------------------

  let checkTimer = null;
  let checkNumber = 0;

  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 150);
  }

  async function check() {
    const number = ++checkNumber;
    try {
      const answer = await post("/studio/check", { fields: draftFields(true), platforms: chosenPlatforms().length ? [] : limits ? limits.platforms.map((p) => p.platform) : [] });
      if (number !== checkNumber) return;
      showViolations(answer.violations);
    } catch (error) {
      // The next keystroke asks again; the review button still checks on the server.
    }
  }

  function showViolations(list) {
    const items = list.map((v) => {
      const li = document.createElement("li");
      li.dataset.platform = v.platform || "";
      li.dataset.field = v.field;
      if (v.input) li.dataset.input = v.input;
      li.className = v.severity;
      if (v.platform) {
        const strong = document.createElement("strong");
        strong.textContent = v.platform;
        li.append(strong, " ");
      }
      const code = document.createElement("code");
      code.textContent = v.field;
      li.append(code);
      li.append(v.limit ? ` (limit ${v.limit}): ${v.message}` : `: ${v.message}`);
      return li;
    });
    violations.replaceChildren(...items);
    const none = document.getElementById("no-problems");
    if (none) none.textContent = items.length ? "" : "No problems on the chosen platforms.";
    form.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
    list.filter((v) => v.severity === "hard" && v.input).forEach((v) => {
      const input = document.getElementById(v.input);
      if (input) input.setAttribute("aria-invalid", "true");
    });
  }

  // ---- Live previews ------------------------------------------------------------------------------------------

  function value(id) {
    const element = document.getElementById(id);
    return element ? element.value.trim() : "";
  }

  function setAll(name, text) {
    document.querySelectorAll(`[data-preview="${name}"]`).forEach((element) => { element.textContent = text; });
  }

  function updatePreviews() {
    const headlines = [];
    for (let index = 1; index <= 15; index++) {
      const text = value(index === 1 ? "headline" : `headline-${index}`);
      if (text) headlines.push(text);
    }
    let domain = "example.com";
    try { domain = new URL(value("link-url")).host || domain; } catch (error) { /* not a URL yet */ }
    const cta = document.getElementById("cta");
    setAll("google-headline", headlines.length ? headlines.slice(0, 3).join(" | ") : "Your headline");
    setAll("headline", headlines[0] || "Your headline");
    setAll("description", value("description"));
    setAll("primary-text", value("primary-text"));
    setAll("brand", value("brand") || "Your brand");
    setAll("domain", domain);
    setAll("cta", cta && cta.selectedOptions[0] ? cta.selectedOptions[0].textContent : "Learn more");
  }

  let imageURL = null;
  function previewImage(file) {
    if (imageURL) URL.revokeObjectURL(imageURL);
    imageURL = URL.createObjectURL(file);
    document.querySelectorAll('img[data-preview="image"]').forEach((img) => { img.src = imageURL; img.hidden = false; });
    document.querySelectorAll('[data-preview="no-image"]').forEach((element) => { element.hidden = true; });
    // The draft carries the image itself as a data: URI, so review and launch need no upload of their own.
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      document.getElementById("image-data").value = String(reader.result);
      scheduleCheck();
    });
    reader.readAsDataURL(file);
  }

  // ---- Platform previews and variations -----------------------------------------------------------------------

  async function platformPreview(button) {
    const platform = button.dataset.platformPreview;
    const target = document.getElementById(`${platform}-platform-preview`);
    const status = document.createElement("p");
    status.className = "muted";
    status.textContent = `Asking ${platform} for its previews…`;
    target.replaceChildren(status);
    button.disabled = true;
    try {
      const answer = await post("/studio/platform-preview", { fields: draftFields(false), platforms: [platform] });
      const parts = answer.previews.map((preview) => {
        const figure = document.createElement("figure");
        figure.className = `frame ${preview.height > preview.width ? "portrait" : "landscape"}`;
        const frame = document.createElement("iframe");
        frame.src = preview.url;
        frame.title = `${platform}: ${preview.label}`;
        frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
        frame.loading = "lazy";
        const caption = document.createElement("figcaption");
        caption.textContent = preview.label;
        figure.append(frame, caption);
        preview.notes.forEach((note) => {
          const p = document.createElement("p");
          p.className = "muted";
          p.textContent = note;
          figure.append(p);
        });
        return figure;
      });
      if (answer.note) {
        const note = document.createElement("p");
        note.textContent = answer.note;
        parts.unshift(note);
      }
      target.replaceChildren(...parts);
    } catch (error) {
      status.textContent = `No preview: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  }

  function useVariation(variation) {
    variation.headlines.forEach((text, index) => {
      const input = document.getElementById(index === 0 ? "headline" : `headline-${index + 1}`);
      if (input) input.value = text;
    });
    if (variation.description) document.getElementById("description").value = variation.description;
    if (variation.primaryText) document.getElementById("primary-text").value = variation.primaryText;
    changed();
    document.getElementById("headline").focus();
  }

  async function suggest(button) {
    const list = document.getElementById("variations");
    button.disabled = true;
    try {
      const answer = await post("/studio/variations", { fields: draftFields(true), platforms: [] });
      list.replaceChildren(...answer.map((variation) => {
        const li = document.createElement("li");
        const angle = document.createElement("span");
        angle.className = "angle";
        angle.textContent = variation.angle;
        const text = document.createElement("span");
        text.textContent = ` ${variation.headlines.join(" | ")} — ${variation.description}`;
        const use = document.createElement("button");
        use.type = "button";
        use.textContent = `Use v${variation.number}`;
        use.addEventListener("click", () => useVariation(variation));
        li.append(angle, text, " ", use);
        return li;
      }));
    } catch (error) {
      const li = document.createElement("li");
      li.textContent = "No variations: type a headline or a description first.";
      list.replaceChildren(li);
    } finally {
      button.disabled = false;
    }
  }

  // ---- Steps --------------------------------------------------------------------------------------------------

  function setUpSteps() {
    const steps = [...form.querySelectorAll("fieldset.step")];
    const links = [...form.querySelectorAll(".steps a")];
    function show(index, focus) {
      steps.forEach((step, i) => { step.hidden = i !== index; });
      links.forEach((link, i) => {
        if (i === index) link.setAttribute("aria-current", "step"); else link.removeAttribute("aria-current");
      });
      if (focus) {
        const legend = steps[index].querySelector("legend");
        legend.tabIndex = -1;
        legend.focus();
      }
    }
    links.forEach((link, index) => link.addEventListener("click", (event) => { event.preventDefault(); show(index, true); }));
    steps.forEach((step, index) => {
      const nav = document.createElement("div");
      nav.className = "step-nav";
      if (index > 0) {
        const back = document.createElement("button");
        back.type = "button";
        back.textContent = "Back";
        back.addEventListener("click", () => show(index - 1, true));
        nav.append(back);
      }
      if (index < steps.length - 1) {
        const next = document.createElement("button");
        next.type = "button";
        next.className = "primary";
        next.textContent = "Next";
        next.addEventListener("click", () => show(index + 1, true));
        nav.append(next);
      }
      step.append(nav);
    });
    form.classList.add("stepped");
    show(0, false);
  }

  // ---- Wiring -------------------------------------------------------------------------------------------------

  function changed() {
    requestAnimationFrame(() => { updateCounters(); updatePreviews(); });
    scheduleCheck();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  document.getElementById("image").addEventListener("change", (event) => {
    const file = event.target.files && event.target.files[0];
    if (file) previewImage(file);
  });
  document.querySelectorAll("button[data-platform-preview]").forEach((button) => {
    button.addEventListener("click", (event) => { event.preventDefault(); platformPreview(button); });
  });
  const suggestButton = document.getElementById("suggest");
  suggestButton.addEventListener("click", (event) => { event.preventDefault(); suggest(suggestButton); });
  if (!document.getElementById("review-title")) setUpSteps();

  fetch("/studio/limits", { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then((answer) => (answer.ok ? answer.json() : null))
    // A fresh form is not judged before anything is typed; a draft the server sent back is checked at once.
    .then((data) => { limits = data; updateCounters(); if (!document.getElementById("no-problems")) check(); })
    .catch(() => { /* counters stay as the server rendered them */ });
})();
