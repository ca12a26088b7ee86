(function () {
  var slides = document.querySelectorAll(".slide"), at = 0;
  for (var k = 0; k < slides.length; k++) slides[k].id = "s" + (k + 1);
  document.getElementById("of").textContent = slides.length;
  function show(i) {
    at = Math.max(0, Math.min(slides.length - 1, i));
    for (var k = 0; k < slides.length; k++) slides[k].classList.toggle("current", k === at);
    document.getElementById("n").textContent = at + 1;
    history.replaceState(null, "", "#s" + (at + 1));
  }
  document.addEventListener("keydown", function (e) {
    if (["ArrowRight", "PageDown", " ", "Enter"].indexOf(e.key) >= 0) { show(at + 1); e.preventDefault(); }
    else if (["ArrowLeft", "PageUp", "Backspace"].indexOf(e.key) >= 0) { show(at - 1); e.preventDefault(); }
    else if (e.key === "Home") show(0);
    else if (e.key === "End") show(slides.length - 1);
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest("a")) show(e.clientX > window.innerWidth / 3 ? at + 1 : at - 1);
  });
  var start = parseInt((location.hash || "").replace("#s", ""), 10);
  if (start) show(start - 1);
})();
