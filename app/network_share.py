"""Refuse a SQLite file on a network share (sqlite.org: "SQLite over a network" — file locking on
NFS/SMB is unreliable, so two windows writing through it can corrupt the database).

On Linux the folder's mount type is read from /proc/mounts (the longest mount point that contains it);
on Windows a UNC path (\\\\server\\share) or a drive letter whose type is DRIVE_REMOTE is a share.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

from app.errors import StorageError

NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "gfs2",
        "ocfs2",
        "davfs",
        "sshfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW


def refusal(fs_type: str) -> str:
    return (
        f"数据库文件位于网络共享上（{fs_type}）。"
        "SQLite 在网络共享上的文件锁不可靠，多个窗口同时写入会损坏数据，"
        "本程序拒绝在网络共享上打开 SQLite 数据库。"
        "多个窗口共用一个数据库请改用 PostgreSQL"
        "（python -m app migrate-to postgresql+psycopg://…，见说明书），单个窗口请把数据库放在本机硬盘上。"
    )


def unescape_mount(field: str) -> str:
    """/proc/mounts writes a space, tab, newline and backslash in octal (\\040…)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_type(folder: PurePath, mounts: str) -> str | None:
    """The filesystem type of the mount holding `folder` (absolute, resolved), from a /proc/mounts text."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePath(unescape_mount(fields[1]))
        if (folder == point or point in folder.parents) and (best is None or len(point.parts) > best[0]):
            best = (len(point.parts), fields[2])
    return best[1] if best else None


def windows_share(path: PureWindowsPath, drive_type: int | None) -> str | None:
    """A description of the share when `path` is a UNC path or on a network drive, else None."""
    if path.drive.startswith("\\\\"):
        return f"UNC 路径 {path.drive}"
    if drive_type == DRIVE_REMOTE:
        return f"网络驱动器 {path.drive}"
    return None


def _existing(path: Path) -> Path:
    """The file's folder, or its nearest existing ancestor (the database may not exist yet)."""
    folder = path.resolve().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _drive_type(drive: str) -> int | None:
    if sys.platform != "win32" or not drive:
        return None
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\"))  # type: ignore[attr-defined]


def read_mounts() -> str | None:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def check_local(path: Path) -> None:
    """Raise StorageError (with the advice to use PostgreSQL) when the SQLite file is on a network share."""
    if os.name == "nt":
        windows = PureWindowsPath(path.resolve())
        share = windows_share(windows, _drive_type(windows.drive))
        if share is not None:
            raise StorageError(refusal(share))
        return
    mounts = read_mounts()
    fs_type = mount_type(_existing(path), mounts) if mounts else None
    if fs_type is not None and fs_type.lower() in NETWORK_TYPES:
        raise StorageError(refusal(fs_type))
