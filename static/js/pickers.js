// Searchable pickers (tom-select, served from node_modules): a long <select> or a multi-select in a
// page becomes a box to type in. Typing "dang" finds "Đặng": tom-select folds accents and "đ".
// <select data-picker="search"> asks for one whatever its length; data-picker="off" keeps a plain one.
// <select data-options-url="…"> holds only its chosen option: the others are loaded, once, when the
// picker is first opened (a JSON {"options": [{"value", "text"}]}), so a page need not carry them.
(function () {
  "use strict";

  var LONG_LIST = 15;

  function wanted(select) {
    if (select.tomselect || select.dataset.picker === "off") {
      return false;
    }
    return select.dataset.picker === "search" || select.multiple || select.options.length >= LONG_LIST;
  }

  function accessibleName(select) {
    if (select.labels && select.labels.length) {
      return select.labels[0].textContent.trim();
    }
    return select.getAttribute("aria-label") || select.getAttribute("title") || "";
  }

  function noResults() {
    var text = document.body.dataset.pickerNothingFound || "";
    var box = document.createElement("div");
    box.className = "no-results";
    box.textContent = text;
    return box;
  }

  function onDemand(url) {
    var loaded = false;
    return {
      valueField: "value",
      labelField: "text",
      searchField: ["text"],
      preload: "focus",
      shouldLoad: function () {
        return !loaded;
      },
      load: function (query, callback) {
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { options: [] };
          })
          .then(function (data) {
            loaded = true;
            callback(data.options);
          })
          .catch(function () {
            callback();
          });
      },
    };
  }

  function setUpPickers(root) {
    if (typeof TomSelect === "undefined") {
      return;
    }
    root.querySelectorAll("select").forEach(function (select) {
      if (!wanted(select)) {
        return;
      }
      var name = accessibleName(select);
      var settings = {
        plugins: select.multiple ? ["remove_button"] : [],
        maxOptions: null,
        allowEmptyOption: !select.multiple,
        closeAfterSelect: !select.multiple,
        hidePlaceholder: true,
        render: { no_results: noResults },
      };
      if (select.dataset.optionsUrl) {
        Object.assign(settings, onDemand(select.dataset.optionsUrl));
      }
      var picker = new TomSelect(select, settings);
      // The plain select stays in the form for its value only; the box typed in carries its name.
      select.setAttribute("aria-hidden", "true");
      var control = picker.control_input;
      if (name && control && !control.labels.length && !control.getAttribute("aria-label")) {
        control.setAttribute("aria-label", name);
      }
    });
  }

  setUpPickers(document);
  document.body.addEventListener("htmx:afterSettle", function (event) {
    setUpPickers(event.target);
  });
})();
