// The check-in page: scan a badge's QR code with the camera (html5-qrcode, served by the app) or
// from a photo, post the code, and show who was checked in; the counts refresh every few seconds.
(function () {
  "use strict";
  var box = document.querySelector("[data-scanner]");
  if (!box || typeof Html5Qrcode === "undefined") {
    return;
  }
  var form = box.querySelector("[data-scan-form]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var result = box.querySelector("[data-scan-result]");
  var toggle = box.querySelector("[data-scan-toggle]");
  var label = box.querySelector("[data-scan-label]");
  var fileInput = box.querySelector("[data-scan-file]");
  var present = document.querySelectorAll("[data-present]");
  var scanner = new Html5Qrcode("qr-reader");
  var running = false;
  var lastCode = "";
  var lastAt = 0;

  function show(text, ok) {
    result.textContent = text;
    result.className = "mt-2 alert py-2 mb-0 " + (ok ? "alert-success" : "alert-warning");
  }

  function setCounts(data) {
    if (typeof data.present === "number") {
      present.forEach(function (node) { node.textContent = String(data.present); });
    }
  }

  function send(code) {
    var now = Date.now();
    if (code === lastCode && now - lastAt < 3000) {
      return; // the camera reads the same badge many times a second
    }
    lastCode = code;
    lastAt = now;
    // A plain form body (not multipart): the server reads it in a fraction of the time.
    var body = new URLSearchParams();
    body.append("code", code);
    fetch(box.dataset.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, "Accept": "application/json" },
    })
      .then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
      .then(function (pair) {
        show(pair[1].message, pair[0]);
        setCounts(pair[1]);
      })
      .catch(function () { show(box.dataset.textError, false); });
  }

  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    if (running) {
      scanner.stop().then(function () {
        running = false;
        label.textContent = box.dataset.textStart;
      });
      return;
    }
    scanner
      .start({ facingMode: "environment" }, { fps: 10, qrbox: 220 }, send, function () {})
      .then(function () {
        running = true;
        label.textContent = box.dataset.textStop;
      })
      .catch(function () { show(box.dataset.textError, false); });
  });

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) {
      return;
    }
    scanner
      .scanFile(file, false)
      .then(send)
      .catch(function () { show(box.dataset.textUnreadable, false); });
    fileInput.value = "";
  });

  window.setInterval(function () {
    fetch(box.dataset.countsUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(setCounts)
      .catch(function () {});
  }, 5000);
})();
