// Filters start open on wide screens (on a phone they fold away until asked for).
document.addEventListener('DOMContentLoaded', function () {
  if (window.matchMedia && window.matchMedia('(min-width: 641px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(function (d) { d.open = true; });
  }
});
