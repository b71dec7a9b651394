"""Draw the application icon and write it into the package (run once; the output is committed).

    python resources/make_icon.py [--font PATH.ttc]

Writes ``reliefdesk/ui/assets/reliefdesk.png`` (256 px: window icon, About box, .deb menu
entry) and ``reliefdesk/ui/assets/reliefdesk.ico`` (16-256 px: the Windows executables and the
setup program). The icon is a red rounded square with a white "救" (社会救助) and a thin gold
band; the character needs a CJK TrueType font (WenQuanYi Zen Hei by default).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reliefdesk" / "ui" / "assets"
RED, GOLD, WHITE = (192, 40, 36, 255), (242, 190, 60, 255), (255, 255, 255, 255)


def draw(size: int, font_path: str) -> Image.Image:
    """The icon at ``size`` pixels, drawn at 4x and scaled down for smooth edges."""
    big = size * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    r = big // 6
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=r, fill=RED)
    band = big // 14
    d.rectangle((r // 2, big - r // 2 - band * 2, big - r // 2, big - r // 2 - band), fill=GOLD)
    font = ImageFont.truetype(font_path, int(big * 0.62))
    box = d.textbbox((0, 0), "救", font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(
        ((big - w) / 2 - box[0], (big - h) / 2 - box[1] - big * 0.06), "救", font=font, fill=WHITE
    )
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--font", default="/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    png = draw(256, args.font)
    png.save(OUT / "reliefdesk.png", optimize=True)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    png.save(
        OUT / "reliefdesk.ico",
        sizes=[(s, s) for s in sizes],
        append_images=[draw(s, args.font) for s in sizes[:-1]],
    )
    for name in ("reliefdesk.png", "reliefdesk.ico"):
        print(OUT / name, (OUT / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
