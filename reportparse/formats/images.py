"""Page images: told by their first bytes, checked before they are decoded, one page per frame.

PNG, JPEG, TIFF (every frame of a multi-page file), BMP and WebP are read with Pillow. An image's
size is read from its header and refused above the ``image-max-pixels`` setting before any pixel is
decoded, so a few bytes claiming 20,000×20,000 pixels (a decompression bomb) cost nothing; a damaged
image is one InputError, never a traceback.

Cost: the header check reads a few bytes; each frame is decoded once, when OCR asks for it (a page
the OCR cache holds is never decoded).
"""

from __future__ import annotations

import io
import os
import warnings
from typing import Any, Callable

from ..errors import InputError
from ..rulebook import RuleBook

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")


def image_kind(data: bytes) -> str | None:
    """The image format the bytes start with, or None.

    >>> image_kind(b"\\x89PNG\\r\\n\\x1a\\n...."), image_kind(b"\\xff\\xd8\\xff\\xe0"), image_kind(b"BMW cars")
    ('png', 'jpeg', None)
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    # "BM", a 4-byte size, then 4 reserved zero bytes: a text file may well start with "BM"
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00" and len(data) >= 26:
        return "bmp"
    return None


def image_pages(data: bytes, path: str | None, rules: RuleBook) -> list[Callable[[], Any]]:
    """One loader per page (frame) of the image; each decodes its frame only when called."""
    from PIL import Image, ImageOps

    where = f": {os.fspath(path)}" if path else ""
    limit = rules.setting("image-max-pixels")
    header = _open(data, where)
    width, height = header.size
    if limit.flagged(width * height):
        raise InputError(f"image too large: {width}×{height} pixels, over the limit of {limit.number:,.0f} "
                         f"(a decompression bomb?){where}")
    frames = getattr(header, "n_frames", 1)

    def loader(index: int) -> Callable[[], Any]:
        def load() -> Any:
            image = _open(data, where)
            try:
                image.seek(index)
                if limit.flagged(image.size[0] * image.size[1]):
                    raise InputError(f"image too large: frame {index + 1} is {image.size[0]}×{image.size[1]} "
                                     f"pixels{where}")
                image.load()
                # a phone stores a photo as the sensor saw it and says in EXIF how to turn it upright
                upright = ImageOps.exif_transpose(image) if frames == 1 else image
            except InputError:
                raise
            except (OSError, ValueError, EOFError, SyntaxError, Image.DecompressionBombError) as exc:
                raise InputError(f"damaged image ({_reason(exc)}){where}") from None
            return upright
        return load

    return [loader(i) for i in range(frames)]


def _open(data: bytes, where: str) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # the pixel limit is ours (the image-max-pixels setting); Pillow's own warning would go to stderr
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise InputError(f"image too large ({_reason(exc)}){where}") from None
    except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError) as exc:
        raise InputError(f"damaged image ({_reason(exc)}){where}") from None


def _reason(exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:80]
    return f"{type(exc).__name__}{': ' + detail if detail else ''}"
