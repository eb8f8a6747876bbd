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

  document.addEventListener("DOMContentLoaded", function () {
    setUpAutosubmit(document);
    setUpConditionalFields(document);
    setUpFormsets(document);
    setUpCopyButtons(document);
  });
})();
