/*
 * AdOps Lab demo pages: plan pickers, the signup form's validation and success state, and the campaign note.
 *
 * Markup contract (both pages):
 *   form#signup-form[novalidate]   fields with data-msg-required / data-msg-format / data-msg-short,
 *                                  an error element #<field id>-error each, and fieldset#plan-field for the plans;
 *   #form-errors                   the error summary (aria-live), #signup-success the success panel;
 *   [data-choose-plan="<value>"]   buttons that pick a plan in the form;
 *   #campaign-note / #campaign-name, #attribution-list: where URL parameters are shown (textContent only).
 * Nothing here writes HTML: every string from the URL goes through textContent.
 */
(function () {
  "use strict";

  var form = document.getElementById("signup-form");
  if (!form) return;
  var summary = document.getElementById("form-errors");
  var success = document.getElementById("signup-success");
  var EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

  function attribution() {
    return window.AdOpsPixels ? window.AdOpsPixels.attribution() : {};
  }

  // MARK: URL parameters shown on the page, as text

  (function showCampaign() {
    var found = attribution();
    var campaign = found.utm_campaign || found.promo;
    var note = document.getElementById("campaign-note");
    var name = document.getElementById("campaign-name");
    if (campaign && note && name) {
      name.textContent = campaign;
      note.hidden = false;
    }
    var list = document.getElementById("attribution-list");
    if (!list) return;
    var names = Object.keys(found).sort();
    if (names.length === 0) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    names.forEach(function (key) {
      var row = document.createElement("div");
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = key;
      value.textContent = found[key];
      row.appendChild(term);
      row.appendChild(value);
      list.appendChild(row);
    });
  })();

  // MARK: plan pickers

  function planInputs() {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="plan"]'));
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-choose-plan]"), function (button) {
    button.addEventListener("click", function () {
      var wanted = button.getAttribute("data-choose-plan");
      planInputs().forEach(function (input) {
        input.checked = input.value === wanted;
      });
      clearError(document.getElementById("plan-field"));
      var target = document.getElementById("signup");
      if (target) target.scrollIntoView({ behavior: prefersReducedMotion() ? "auto" : "smooth", block: "start" });
      var first = form.querySelector("input:not([type=radio]):not([type=checkbox])");
      if (first) first.focus({ preventScroll: true });
    });
  });

  function prefersReducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  // MARK: validation

  function errorElement(field) {
    return document.getElementById(field.id + "-error");
  }

  function setError(field, message) {
    var holder = errorElement(field);
    if (holder) {
      holder.textContent = message;
      holder.hidden = false;
    }
    field.setAttribute("aria-invalid", "true");
    if (field.tagName === "FIELDSET") {
      planInputs().forEach(function (input) {
        input.setAttribute("aria-invalid", "true");
      });
    }
  }

  function clearError(field) {
    if (!field) return;
    var holder = errorElement(field);
    if (holder) {
      holder.textContent = "";
      holder.hidden = true;
    }
    field.removeAttribute("aria-invalid");
    if (field.tagName === "FIELDSET") {
      planInputs().forEach(function (input) {
        input.removeAttribute("aria-invalid");
      });
    }
  }

  function check(field) {
    if (field.tagName === "FIELDSET") {
      var chosen = planInputs().some(function (input) {
        return input.checked;
      });
      return chosen ? null : field.getAttribute("data-msg-required");
    }
    if (field.type === "checkbox") return field.checked ? null : field.getAttribute("data-msg-required");
    var value = field.value.trim();
    if (!value) return field.getAttribute("data-msg-required");
    if (field.type === "email" && !EMAIL.test(value)) return field.getAttribute("data-msg-format");
    var minimum = Number(field.getAttribute("minlength") || 0);
    if (minimum && field.value.length < minimum) return field.getAttribute("data-msg-short");
    return null;
  }

  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll("[data-msg-required]"));
  }

  fields().forEach(function (field) {
    var events = field.tagName === "FIELDSET" ? ["change"] : ["blur", "change"];
    events.forEach(function (type) {
      field.addEventListener(type, function () {
        // Re-check fields already marked invalid, so errors clear as the person fixes them.
        if (field.getAttribute("aria-invalid") === "true") {
          var message = check(field);
          if (message) setError(field, message);
          else clearError(field);
        }
      });
    });
  });

  function showSummary(problems) {
    if (!summary) return;
    while (summary.firstChild) summary.removeChild(summary.firstChild);
    if (problems.length === 0) {
      summary.hidden = true;
      return;
    }
    var heading = document.createElement("p");
    heading.className = "form-errors__title";
    heading.textContent =
      problems.length === 1 ? "Please fix 1 problem to continue:" : "Please fix " + problems.length + " problems to continue:";
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.setAttribute("href", "#" + problem.target.id);
      link.textContent = problem.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        problem.target.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(heading);
    summary.appendChild(list);
    summary.hidden = false;
  }

  // MARK: submit

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var problems = [];
    fields().forEach(function (field) {
      var message = check(field);
      if (message) {
        setError(field, message);
        var target = field.tagName === "FIELDSET" ? planInputs()[0] : field;
        problems.push({ target: target, message: message });
      } else {
        clearError(field);
      }
    });
    showSummary(problems);
    if (problems.length > 0) {
      problems[0].target.focus();
      return;
    }

    var chosen = planInputs().filter(function (input) {
      return input.checked;
    })[0];
    var price = Number(chosen.getAttribute("data-price"));
    var currency = chosen.getAttribute("data-currency") || "USD";
    var planName = chosen.getAttribute("data-plan-name") || chosen.value;
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
    }

    var sent = window.AdOpsPixels ? window.AdOpsPixels.conversion(price, currency) : Promise.resolve([]);
    form.hidden = true;
    if (success) {
      var plan = document.getElementById("success-plan");
      if (plan) plan.textContent = planName + " · $" + price.toFixed(2);
      success.hidden = false;
      var heading = success.querySelector("h3, h2");
      if (heading) heading.focus();
    }
    var status = document.getElementById("success-pixels");
    sent.then(function (results) {
      if (!status) return;
      var ok = results.filter(Boolean).length;
      status.textContent = ok + " of " + results.length + " pixel slots reported the signup.";
    });
  });
})();
