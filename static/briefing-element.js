// <briefing-viewer>: Briefing as a custom element. Add this script to a page
// (<script type="module" src=".../briefing-element.js"></script>) and write
// <briefing-viewer article="URL" panels="sidebar,timeline" compact></briefing-viewer>.
// Each element renders its own viewer in a shadow root.
const base = new URL('.', import.meta.url);
// The release build writes the hashed names of the viewer's glue and wasm here.
const glue = await import(new URL('__BRIEFING_GLUE__', base).href);
await glue.default({ module_or_path: new URL('__BRIEFING_WASM__', base) });
const stylesheet = new URL('briefing-element.css', base).href;

class BriefingViewer extends HTMLElement {
    static observedAttributes = ['article', 'panels', 'compact'];

    connectedCallback() {
        this.render();
    }

    attributeChangedCallback() {
        if (this.handle) this.render();
    }

    disconnectedCallback() {
        this.handle?.destroy();
        this.handle = undefined;
    }

    render() {
        this.handle?.destroy();
        const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = stylesheet;
        const root = document.createElement('div');
        shadow.replaceChildren(link, root);
        this.handle = glue.mount_viewer(
            root,
            this.getAttribute('article') ?? undefined,
            this.getAttribute('panels') ?? undefined,
            this.getAttribute('compact') ?? undefined,
        );
    }
}

if (!customElements.get('briefing-viewer')) {
    customElements.define('briefing-viewer', BriefingViewer);
}
