// Upload with a progress bar (XMLHttpRequest upload events); the server's page replaces this one when done.
(() => {
  var form = document.getElementById('upload-form');
  var bar = document.getElementById('upload-progress');
  if (!form || !bar || !window.FormData) return;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    bar.hidden = false;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    };
    xhr.onload = () => {
      document.open();
      document.write(xhr.responseText);
      document.close();
      history.replaceState(null, '', '/kb');
    };
    xhr.onerror = () => {
      alert('上传失败，请检查网络后重试');
      bar.hidden = true;
    };
    xhr.send(new FormData(form));
  });
})();
