// Keyboard shortcuts for the review queue. The page works without them: every action is
// an ordinary form or link, these keys only move the focus and press the same buttons.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".claim-card[data-claim]"));
  if (!cards.length) { return; }
  var current = -1;

  function select(index) {
    if (index < 0 || index >= cards.length) { return; }
    if (current >= 0) { cards[current].classList.remove("selected"); }
    current = index;
    cards[current].classList.add("selected");
    cards[current].focus({ preventScroll: true });
    cards[current].scrollIntoView({ block: "center" });
  }

  function typing(target) {
    var name = target && target.tagName;
    return name === "INPUT" || name === "TEXTAREA" || name === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var card = current >= 0 ? cards[current] : null;
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(Math.max(0, current - 1)); break;
      case "a":
        if (card) {
          var accept = card.querySelector("form.accept");
          if (accept) { accept.requestSubmit(); }
        }
        break;
      case "r":
        if (card) {
          var note = card.querySelector("form.reject input[name=note], form.resolve input[name=note]");
          if (note) { note.focus(); }
        }
        break;
      case "c":
        if (card) { var fix = card.querySelector("a.correct"); if (fix) { window.location.href = fix.href; } }
        break;
      case "h":
        if (card) { var past = card.querySelector("a.history"); if (past) { window.location.href = past.href; } }
        break;
      default: return;
    }
    event.preventDefault();
  });

  // Arriving from a decision (…#doc-…): start at that document's first claim.
  var hash = window.location.hash.slice(1);
  if (hash) {
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].closest("#" + CSS.escape(hash))) { select(i); return; }
    }
  }
})();
