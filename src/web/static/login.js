// DingTalk H5 micro-app free login: get a one-time auth code from the JSAPI and post it to the server.
(() => {
  var cfg = JSON.parse(document.getElementById('dt-config').textContent || '{}');
  var status = document.getElementById('dt-status');
  var form = document.getElementById('dt-form');
  if (!form) return;
  function say(t) {
    if (status) status.textContent = t;
  }
  function login() {
    var dd = window.dd;
    if (!dd?.runtime?.permission) {
      say('请在钉钉中打开本页（工作台 → 政策通），或使用管理员一次性链接。');
      return;
    }
    say('正在通过钉钉登录…');
    dd.runtime.permission.requestAuthCode({
      corpId: cfg.corpId,
      onSuccess: (r) => {
        document.getElementById('dt-code').value = r.code;
        form.submit();
      },
      onFail: (e) => {
        say(`钉钉免登失败：${(e && (e.errorMessage || e.message)) || JSON.stringify(e)}`);
      },
    });
  }
  document.getElementById('dt-login').addEventListener('click', login);
  const inDingTalk = /DingTalk/i.test(navigator.userAgent);
  if (window.dd) login();
  else if (inDingTalk) {
    const s = document.createElement('script');
    s.src = 'https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js';
    s.onload = login;
    s.onerror = () => {
      say('无法加载钉钉 JSAPI，请检查网络。');
    };
    document.head.appendChild(s);
  }
})();
