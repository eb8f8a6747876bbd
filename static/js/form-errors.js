// After a failed submit the page comes back with an error summary ([data-error-summary],
// templates/_form_errors.html): move the focus there, so that the keyboard and a screen reader
// start at what went wrong rather than at the top of the page. A form without the summary
// (rendered by crispy-forms alone) gets its error alert focused, or else its first invalid field.
// Forms that htmx swaps in are treated the same way.
(function () {
  "use strict";

  function focusErrors(root) {
    var target = root.querySelector("[data-error-summary]") || root.querySelector("form .alert-danger");
    if (target) {
      if (!target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
      }
    } else {
      target = root.querySelector("form .is-invalid");
    }
    if (target) {
      target.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrors(document);
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    focusErrors(event.detail.elt);
  });
})();
