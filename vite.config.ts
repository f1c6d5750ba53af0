import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The headers the app is served with, by Vite's dev and preview servers and
 * (as README's "Serving it yourself" says) by any static host.
 *
 * - Cross-origin isolation lets onnxruntime-web use WASM threads.
 * - The Content-Security-Policy allows what the app does and nothing else:
 *   its own scripts and workers, WebAssembly compilation ('wasm-unsafe-eval'
 *   for onnxruntime-web), blob: workers and images (exports), inline style
 *   attributes (React and the charts set them), and network requests to
 *   itself and the Hugging Face Hub (models, the datasets server, and the
 *   Hub's file CDNs it redirects to).
 * - The dev server also needs inline scripts and a websocket for hot reload.
 */

const HUB = 'https://huggingface.co https://*.huggingface.co https://*.hf.co';

function csp(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${dev ? " 'unsafe-inline'" : ''}`,
    "worker-src 'self' blob:",
    `connect-src 'self' ${HUB}${dev ? ' ws: wss:' : ''}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(dev: boolean): Record<string, string> {
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Content-Security-Policy': csp(dev),
    'X-Content-Type-Options': 'nosniff',
  };
}

/** Model weights go out as binary: a static server that knows no .onnx type would send none, and nosniff then leaves it unguessed. */
function modelContentTypes(): Plugin {
  const binary = (url: string | undefined) => /\.onnx(_data)?(\?|$)/.test(url ?? '');
  const middleware = (req: { url?: string }, res: { setHeader(k: string, v: string): void }, next: () => void) => {
    if (binary(req.url)) res.setHeader('Content-Type', 'application/octet-stream');
    next();
  };
  return {
    name: 'headlab-model-content-types',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  plugins: [react(), modelContentTypes()],
  server: { headers: securityHeaders(true) },
  preview: { headers: securityHeaders(false) },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
