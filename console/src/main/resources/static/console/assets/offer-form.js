// The offer form shows the criteria of the chosen theme only (without this script, every theme's are shown,
// each under its heading, and only the chosen theme's are kept).
(function () {
  "use strict";
  var theme = document.getElementById("theme");
  if (!theme) { return; }
  function show() {
    Array.prototype.forEach.call(document.querySelectorAll(".criteria-theme"), function (block) {
      block.hidden = block.getAttribute("data-theme") !== theme.value;
    });
  }
  theme.addEventListener("change", show);
  show();
})();
