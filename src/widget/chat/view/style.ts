/**
 * The panel's CSS, inside the launcher's shadow root (the launcher's own
 * rules are there too; `--ld-accent` / `--ld-on-accent` come from the host).
 */
export const PANEL_CSS =
	'.p{position:fixed;bottom:88px;right:20px;z-index:2147483000;box-sizing:border-box;width:370px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 120px);display:flex;flex-direction:column;background:#fff;color:#1e1e1e;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left}' +
	'.p *{box-sizing:border-box}' +
	'.p[hidden]{display:none}' +
	':host([data-position=left]) .p{right:auto;left:20px}' +
	'.p.inline{position:relative;inset:auto;width:100%;height:100%;max-width:none;max-height:none;border-radius:0;box-shadow:none}' +
	'@media (max-width:480px){.p:not(.inline){inset:0;width:auto;height:auto;max-width:none;max-height:none;border-radius:0}:host([data-open]) .l{display:none}}' +
	'.h{display:flex;align-items:flex-start;gap:8px;padding:14px 16px;background:var(--ld-accent);color:var(--ld-on-accent)}' +
	'.h>div{flex:1;min-width:0}' +
	'.t{margin:0;font-size:16px;font-weight:600;line-height:1.3;color:inherit}' +
	'.st{margin:2px 0 0;font-size:12px;opacity:.9}' +
	'.st:before{content:"";display:inline-block;width:8px;height:8px;margin-right:6px;border-radius:50%;background:#9ca2a7}' +
	'.st.on:before{background:#00a32a}' +
	'.x{flex:none;width:32px;height:32px;margin:-4px -6px 0 0;padding:4px;border:0;border-radius:6px;background:none;color:inherit;cursor:pointer}' +
	'.x svg{width:24px;height:24px;fill:currentColor}' +
	'.x:focus-visible{outline:2px solid currentColor;outline-offset:0}' +
	'.sc{flex:1;overflow-y:auto;padding:12px 12px 4px;overscroll-behavior:contain}' +
	'.g{margin:0 0 12px;padding:10px 12px;border-radius:10px;background:#f6f7f7;white-space:pre-wrap;overflow-wrap:anywhere}' +
	'.m{display:flex;flex-direction:column;gap:8px}' +
	'.msg{max-width:82%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}' +
	'.msg.visitor{align-self:flex-end;background:var(--ld-accent);color:var(--ld-on-accent);border-bottom-right-radius:4px}' +
	'.msg.agent{align-self:flex-start;background:#f0f0f1;color:#1e1e1e;border-bottom-left-radius:4px}' +
	'.msg.system{align-self:center;max-width:100%;padding:2px 8px;color:#50575e;font-size:12px;text-align:center}' +
	'.msg.failed{opacity:.7;outline:1px dashed #b32d2e}' +
	'.act{display:block;margin:4px 0 0 auto;padding:2px 10px;border:1px solid currentColor;border-radius:6px;background:none;color:inherit;font:inherit;font-size:12px;cursor:pointer}' +
	'.act:focus-visible{outline:2px solid #1e1e1e;outline-offset:2px}' +
	'.who{display:block;margin-bottom:2px;font-size:12px;font-weight:600}' +
	'.who[hidden]{display:none}' +
	'.meta{display:block;margin-top:2px;font-size:11px;opacity:.85;text-align:right}' +
	'.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}' +
	'.ty{min-height:18px;padding:0 14px;font-size:12px;color:#50575e}' +
	'.end{padding:8px 12px 12px;border-top:1px solid #dcdcde;text-align:center}' +
	'.f,.o{padding:8px 12px 12px;border-top:1px solid #dcdcde}' +
	'.o{overflow-y:auto}' +
	'.f[hidden],.o[hidden],.end[hidden],.pre[hidden],.err:empty,.hint:empty{display:none}' +
	'.intro{margin:4px 0 8px}' +
	'.fl{display:block;margin-bottom:8px;font-size:13px;font-weight:600}' +
	'.hint{font-weight:400;color:#50575e}' +
	'.fl input,.fl textarea,.f textarea{display:block;width:100%;margin-top:2px;padding:8px 10px;border:1px solid #8c8f94;border-radius:8px;background:#fff;color:#1e1e1e;font-family:inherit;font-size:16px;line-height:1.35}' +
	'.row{display:flex;gap:8px;align-items:flex-end}' +
	'.row textarea{flex:1;margin:0;min-height:42px;max-height:120px;resize:none}' +
	'input:focus-visible,textarea:focus-visible{outline:2px solid #1e1e1e;outline-offset:1px}' +
	'.btn{flex:none;min-height:42px;padding:0 16px;border:0;border-radius:8px;background:var(--ld-accent);color:var(--ld-on-accent);font-family:inherit;font-size:14px;font-weight:600;cursor:pointer}' +
	'.btn:focus-visible{outline:2px solid #1e1e1e;outline-offset:2px}' +
	'.btn:disabled{opacity:.6;cursor:default}' +
	'.err{margin:6px 0 0;color:#b32d2e;font-size:13px}' +
	'.note{margin:0;padding:8px 0;color:#50575e}';
