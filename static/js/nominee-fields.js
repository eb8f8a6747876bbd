// The dossier form shows the nominee fields of the chosen award type's scope only:
// a person for an individual title, a unit for a collective one, a household for a household's.
(function () {
  "use strict";
  const select = document.getElementById("id_award_type");
  const data = document.getElementById("award-type-scopes");
  if (!select || !data) {
    return;
  }
  const scopes = JSON.parse(data.textContent);
  const groups = document.querySelectorAll("[data-nominee-scope]");

  function show() {
    const scope = scopes[select.value];
    groups.forEach(function (group) {
      const shown = Boolean(scope) && group.dataset.nomineeScope === scope;
      group.hidden = !shown;
      group.disabled = !shown;
    });
  }

  select.addEventListener("change", show);
  show();
})();
