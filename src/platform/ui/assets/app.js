// Small progressive touches for staff pages; every page works without this file.
// "Copy link" buttons: <button data-copy="#input-id" data-copied="Link copied">.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  const input = document.querySelector(button.getAttribute("data-copy"));
  if (!(input instanceof HTMLInputElement)) return;
  const text = new URL(input.value, location.href).href;
  const done = () => {
    const label = button.getAttribute("data-copied");
    if (label) button.textContent = label;
  };
  input.focus();
  input.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => {
      if (document.execCommand("copy")) done();
    });
  } else if (document.execCommand("copy")) {
    done();
  }
});
