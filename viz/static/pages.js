/* plangraph pages: the only script the pages load. A page opened inside the network frame (a
   double-click on a node of /viz/coordination) replaces the whole window instead of the frame. */
(function () {
  "use strict";
  if (window.top !== window.self) {
    try { window.top.location.replace(window.location.href); } catch (e) { /* another origin: stay */ }
  }
  var print = document.querySelectorAll("[data-print]");
  for (var i = 0; i < print.length; i++) {
    print[i].addEventListener("click", function () { window.print(); });
  }
}());
