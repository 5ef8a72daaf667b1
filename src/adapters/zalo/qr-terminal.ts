import jsQR from "jsqr";
import { PNG } from "pngjs";
import qrcodeTerminal from "qrcode-terminal";

/**
 * zca-js hands over the login QR only as a PNG (base64). To show it in a terminal we read the code back out of the
 * image (jsQR) and draw it again with block characters (qrcode-terminal). Undefined when the image cannot be read:
 * the caller then points the admin at the saved PNG instead.
 */
export function qrPngToTerminal(pngBase64: string): string | undefined {
  try {
    const png = PNG.sync.read(Buffer.from(pngBase64.replace(/^data:image\/png;base64,/, ""), "base64"));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    if (!code?.data) return undefined;
    let drawn = "";
    qrcodeTerminal.generate(code.data, { small: true }, (text) => {
      drawn = text;
    });
    return drawn || undefined;
  } catch {
    return undefined;
  }
}
