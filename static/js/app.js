// The project's own behaviour. Every page works without it; it only saves clicks.
(function () {
  "use strict";

  // <select data-autosubmit>: submit the form as soon as the choice changes.
  function setUpAutosubmit(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (control) {
      control.addEventListener("change", function () {
        if (control.form) {
          control.form.requestSubmit();
        }
      });
    });
  }

  // <div data-show-if="timing=month,quarter">: shown only while the form's "timing" field
  // holds one of these values.
  function currentValue(form, name) {
    var controls = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) {
          return control.value;
        }
      } else {
        return control.value;
      }
    }
    return "";
  }

  function setUpConditionalFields(root) {
    var blocks = root.querySelectorAll("[data-show-if]");
    blocks.forEach(function (block) {
      var rule = block.getAttribute("data-show-if").split("=");
      var name = rule[0];
      var values = rule[1].split(",");
      var form = block.closest("form");
      if (!form) {
        return;
      }
      var update = function () {
        var shown = values.indexOf(currentValue(form, name)) !== -1;
        block.hidden = !shown && !block.querySelector(".is-invalid");
      };
      form.querySelectorAll('[name="' + name + '"]').forEach(function (control) {
        control.addEventListener("change", update);
      });
      update();
    });
  }

  // <button data-formset-add="points">: adds one empty row to the "points" formset from
  // <template data-formset-template="points"> into <tbody data-formset-body="points">.
  function setUpFormsets(root) {
    root.querySelectorAll("[data-formset-add]").forEach(function (button) {
      var prefix = button.getAttribute("data-formset-add");
      var template = root.querySelector('[data-formset-template="' + prefix + '"]');
      var body = root.querySelector('[data-formset-body="' + prefix + '"]');
      var total = root.querySelector('[name="' + prefix + '-TOTAL_FORMS"]');
      if (!template || !body || !total) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        var html = template.innerHTML.replace(/__prefix__/g, String(index));
        body.insertAdjacentHTML("beforeend", html);
        total.value = String(index + 1);
        var first = body.lastElementChild && body.lastElementChild.querySelector("input, select");
        if (first) {
          first.focus();
        }
      });
    });
  }

  // Calendar feed page. <button data-copy="#calendar-url" data-copied="Copied" hidden>: copies the
  // field's value; its [data-copy-label] reads "Copied" for a moment. Stays hidden where the
  // browser offers no clipboard (plain http), so the address is selected by hand there.
  function setUpCopyButtons(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      var field = root.querySelector(button.getAttribute("data-copy"));
      if (!field || !navigator.clipboard || !window.isSecureContext) {
        return;
      }
      var label = button.querySelector("[data-copy-label]");
      var text = label ? label.textContent : "";
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          if (label) {
            label.textContent = button.getAttribute("data-copied") || text;
            window.setTimeout(function () {
              label.textContent = text;
            }, 2000);
          }
        });
      });
    });
  }

  // <textarea data-emphasis-paste> (or <input>): a paste from Word keeps its italic and bold as *…* and **…**
  // (documents/emphasis.py prints them); lists arrive one item a line with "- ". The pasted HTML
  // is only read, never inserted into the page.
  function emphasisText(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      return node.nodeValue.replace(/\s+/g, " ");
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return "";
    }
    var tag = node.tagName.toLowerCase();
    if (tag === "style" || tag === "script" || tag === "head" || tag === "title") {
      return "";
    }
    var inner = "";
    node.childNodes.forEach(function (child) {
      inner += emphasisText(child);
    });
    var style = (node.getAttribute("style") || "").toLowerCase();
    var bold = tag === "b" || tag === "strong" || /font-weight:\s*(bold|[6-9]00)/.test(style);
    var italic = tag === "i" || tag === "em" || /font-style:\s*italic/.test(style);
    var trimmed = inner.trim();
    if (trimmed && (bold || italic)) {
      var mark = (bold ? "**" : "") + (italic ? "*" : "");
      var lead = inner.match(/^\s*/)[0];
      var tail = inner.match(/\s*$/)[0];
      inner = lead + mark + trimmed + mark.split("").reverse().join("") + tail;
    }
    if (tag === "br") {
      return "\n";
    }
    if (tag === "li") {
      return "\n- " + inner.trim() + "\n";
    }
    if (["p", "div", "h1", "h2", "h3", "h4", "tr"].indexOf(tag) >= 0) {
      return "\n" + inner + "\n";
    }
    return inner;
  }

  function setUpEmphasisPaste(root) {
    // A one-line field (a meeting's title) takes the paste on one line.
    root.querySelectorAll("textarea[data-emphasis-paste], input[data-emphasis-paste]").forEach(function (area) {
      area.addEventListener("paste", function (event) {
        var html = event.clipboardData && event.clipboardData.getData("text/html");
        if (!html) {
          return;
        }
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var text = emphasisText(parsed.body)
          .split("\n")
          .map(function (line) {
            return line.trim();
          })
          .filter(function (line) {
            return line;
          })
          .join(area.tagName === "INPUT" ? " " : "\n");
        event.preventDefault();
        area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpAutosubmit(document);
    setUpConditionalFields(document);
    setUpFormsets(document);
    setUpCopyButtons(document);
    setUpEmphasisPaste(document);
  });
})();
