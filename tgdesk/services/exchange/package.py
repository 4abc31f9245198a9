"""Writing and reading ``.tgx`` package files (a zip of three members).

``content.bin`` is the records JSON, zlib-compressed, then encrypted with a
fresh AES-256-GCM content key; the key is wrapped for the recipient (ephemeral
X25519 + HKDF-SHA256 → AES-256-GCM, ODK style). ``manifest.json`` lists what
the package holds and the SHA-256 of ``content.bin``; ``manifest.sig`` is the
sender's Ed25519 signature of the manifest bytes. Reading never extracts to
disk and stops at the limits of :mod:`tgdesk.domain.exchange`.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tgdesk.domain import exchange as dx
from tgdesk.domain.exchange import Manifest, PackageError

_FIXED_TIME = (2020, 1, 1, 0, 0, 0)   # zip entry times: the same bytes for the same input


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise PackageError("Tệp kê khai (manifest) của gói bị hỏng hoặc thiếu thông tin.")
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise PackageError("Tệp kê khai (manifest) của gói bị hỏng hoặc thiếu thông tin.") from exc
    if size is not None and len(data) != size:
        raise PackageError("Tệp kê khai (manifest) của gói bị hỏng hoặc thiếu thông tin.")
    return data


def canonical(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _aad(m: Manifest) -> bytes:
    return f"{dx.FORMAT}/{m.format_version}|{m.package_id}|{m.sender_id}|{m.recipient_id}".encode()


def _kek(shared: bytes, eph_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"tgdesk-tgx-v1" + eph_public + recipient_public).derive(shared)


def write_package(manifest: Manifest, content: dict, sign_private: bytes,
                  recipient_box_public: bytes) -> bytes:
    """The bytes of a package; fills in the manifest's content, members and
    encryption entries."""
    plain = canonical(content)
    packed = zlib.compress(plain, 6)
    content_key = AESGCM.generate_key(bit_length=256)           # fresh per package
    eph = X25519PrivateKey.generate()
    eph_public = eph.public_key().public_bytes_raw()
    kek = _kek(eph.exchange(X25519PublicKey.from_public_bytes(recipient_box_public)),
               eph_public, recipient_box_public)
    wrap_nonce, nonce = os.urandom(12), os.urandom(12)
    manifest.content = {"sha256": hashlib.sha256(plain).hexdigest(), "size": len(plain),
                        "compression": "zlib"}
    manifest.encryption = {"scheme": dx.SCHEME, "ephemeral_public": b64(eph_public),
                           "wrap_nonce": b64(wrap_nonce), "nonce": b64(nonce)}
    aad = _aad(manifest)
    manifest.encryption["wrapped_key"] = b64(AESGCM(kek).encrypt(wrap_nonce, content_key, aad))
    cipher = AESGCM(content_key).encrypt(nonce, packed, aad)
    manifest.members = {dx.CONTENT: {"sha256": hashlib.sha256(cipher).hexdigest(),
                                     "size": len(cipher)}}
    manifest_bytes = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1,
                                sort_keys=True).encode()
    signature = Ed25519PrivateKey.from_private_bytes(sign_private).sign(manifest_bytes)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data, method in ((dx.MANIFEST, manifest_bytes, zipfile.ZIP_DEFLATED),
                                   (dx.SIGNATURE, signature, zipfile.ZIP_STORED),
                                   (dx.CONTENT, cipher, zipfile.ZIP_STORED)):
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = method
            zf.writestr(info, data)
    return out.getvalue()


# --- reading ------------------------------------------------------------------

@dataclass
class Opened:
    """A package whose structure was checked; not yet verified or decrypted."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    cipher: bytes
    sha256: str          # of the whole file


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise PackageError(f"Thành phần “{info.filename}” của gói quá lớn; gói bị từ chối.")
    if info.file_size > 65536 and info.file_size > dx.MAX_RATIO * max(info.compress_size, 1):
        raise PackageError("Gói có tỉ lệ nén bất thường (nghi là “bom nén”); gói bị từ chối.")
    buf = io.BytesIO()
    with zf.open(info) as fh:
        while chunk := fh.read(min(1 << 20, limit + 1)):
            buf.write(chunk)
            if buf.tell() > min(limit, info.file_size):
                raise PackageError(
                    f"Thành phần “{info.filename}” lớn hơn khai báo; gói bị từ chối.")
    return buf.getvalue()


def open_package(data: bytes) -> Opened:
    """Check the zip structure and read the members, with limits."""
    if len(data) > dx.MAX_FILE_BYTES:
        raise PackageError("Tệp gói quá lớn; gói bị từ chối.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise PackageError("Tệp không phải gói tgdesk hoặc đã bị hỏng, cắt cụt "
                           "(không đọc được dạng nén zip).") from exc
    try:
        with zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
            for name in names:
                if (name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/")
                        or ":" in name or "\\" in name):
                    raise PackageError(f"Gói chứa đường dẫn không an toàn “{name}”; "
                                       "gói bị từ chối.")
            if len(names) != len(set(names)):
                raise PackageError("Gói chứa thành phần trùng tên; gói bị từ chối.")
            if set(names) != set(dx.MEMBERS):
                raise PackageError("Gói thiếu hoặc thừa thành phần (cần manifest.json, "
                                   "manifest.sig, content.bin); gói bị từ chối.")
            by_name = {i.filename: i for i in infos}
            manifest_bytes = _read_member(zf, by_name[dx.MANIFEST], dx.MAX_MANIFEST_BYTES)
            signature = _read_member(zf, by_name[dx.SIGNATURE], 64)
            cipher = _read_member(zf, by_name[dx.CONTENT], dx.MAX_CONTENT_BYTES)
    except PackageError:
        raise
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError,
            NotImplementedError, RuntimeError) as exc:
        raise PackageError("Tệp gói bị hỏng hoặc bị cắt cụt; không đọc được.") from exc
    try:
        raw = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageError("Tệp kê khai (manifest) của gói bị hỏng.") from exc
    manifest = Manifest.from_json(raw)
    return Opened(manifest, manifest_bytes, signature, cipher, hashlib.sha256(data).hexdigest())


def verify_signature(opened: Opened, sign_public: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(opened.signature,
                                                               opened.manifest_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise PackageError("Chữ ký của gói không đúng: gói đã bị sửa đổi hoặc không phải do "
                           "đơn vị gửi tạo ra; gói bị từ chối.") from exc


def _no_dup_pairs(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise PackageError(f"Nội dung gói có mã trùng lặp “{str(k)[:40]}”; gói bị từ chối.")
        obj[k] = v
    return obj


def decrypt_content(opened: Opened, box_private: bytes) -> dict:
    """Check the member hash, decrypt, decompress with limits, parse."""
    m = opened.manifest
    declared = m.members[dx.CONTENT]
    if (not isinstance(declared, dict)
            or declared.get("sha256") != hashlib.sha256(opened.cipher).hexdigest()
            or declared.get("size") != len(opened.cipher)):
        raise PackageError("Mã băm (SHA-256) của nội dung gói không khớp với tệp kê khai: "
                           "gói bị hỏng hoặc bị sửa; gói bị từ chối.")
    enc = m.encryption
    if enc.get("scheme") != dx.SCHEME:
        raise PackageError("Gói dùng cách mã hóa không được hỗ trợ; gói bị từ chối.")
    eph_public = unb64(enc.get("ephemeral_public"), 32)
    priv = X25519PrivateKey.from_private_bytes(box_private)
    my_public = priv.public_key().public_bytes_raw()
    aad = _aad(m)
    try:
        kek = _kek(priv.exchange(X25519PublicKey.from_public_bytes(eph_public)), eph_public,
                   my_public)
        content_key = AESGCM(kek).decrypt(unb64(enc.get("wrap_nonce"), 12),
                                          unb64(enc.get("wrapped_key")), aad)
        packed = AESGCM(content_key).decrypt(unb64(enc.get("nonce"), 12), opened.cipher, aad)
    except (InvalidTag, ValueError) as exc:
        raise PackageError("Không giải mã được nội dung gói: gói không dành cho đơn vị này "
                           "hoặc đã bị sửa; gói bị từ chối.") from exc
    size = m.content.get("size")
    if not isinstance(size, int) or not 0 <= size <= dx.MAX_PLAIN_BYTES \
            or size > dx.MAX_PLAIN_RATIO * max(len(packed), 1):
        raise PackageError("Nội dung gói có kích thước bất thường; gói bị từ chối.")
    try:
        d = zlib.decompressobj()
        plain = d.decompress(packed, size + 1)
        if len(plain) != size or d.unconsumed_tail or not d.eof:
            raise PackageError("Nội dung gói không đúng kích thước khai báo; gói bị từ chối.")
    except zlib.error as exc:
        raise PackageError("Nội dung gói bị hỏng (không giải nén được).") from exc
    if hashlib.sha256(plain).hexdigest() != m.content.get("sha256"):
        raise PackageError("Mã băm của nội dung gói không khớp; gói bị từ chối.")
    try:
        content = json.loads(plain.decode("utf-8"), object_pairs_hook=_no_dup_pairs)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageError("Nội dung gói không phải JSON hợp lệ; gói bị từ chối.") from exc
    if not isinstance(content, dict):
        raise PackageError("Nội dung gói không đúng cấu trúc; gói bị từ chối.")
    return content
