// Filters start open on wide screens (on a phone they fold away until asked for).
document.addEventListener('DOMContentLoaded', () => {
  if (window.matchMedia?.('(min-width: 641px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach((d) => {
      d.open = true;
    });
  }
});
