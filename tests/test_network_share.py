"""A SQLite file on a network share is refused with advice to use PostgreSQL; a local one opens."""

from __future__ import annotations

from pathlib import Path, PurePath, PureWindowsPath

import pytest

from app import network_share
from app.desk import open_desk
from app.errors import StorageError
from app.network_share import DRIVE_REMOTE, mount_type, windows_share
from tests.conftest import FixedClock

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
tmpfs /tmp tmpfs rw 0 0
fileserver:/export/xinfang /mnt/hall nfs4 rw,vers=4.2 0 0
//nas/信访 /mnt/nas\\040share cifs rw 0 0
user@host:/data /home/clerk/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/hall/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("/mnt/hall", "nfs4"),
        ("/mnt/hall/2026/desk", "nfs4"),
        ("/mnt/nas share/db", "cifs"),
        ("/home/clerk/remote/x", "fuse.sshfs"),
        ("/mnt/hall/local/db", "ext4"),  # a local disk mounted inside the share: the longest mount wins
        ("/mnt/hallway", "ext4"),  # a name that merely starts like a mount point is not inside it
        ("/tmp/x", "tmpfs"),
    ],
)
def test_the_mount_holding_a_folder_is_found(folder: str, expected: str) -> None:
    assert mount_type(PurePath(folder), MOUNTS) == expected


def test_windows_unc_paths_and_network_drives_are_shares() -> None:
    assert windows_share(PureWindowsPath(r"\\nas\xinfang\desk.sqlite"), None) == r"UNC 路径 \\nas\xinfang"
    assert windows_share(PureWindowsPath(r"Z:\desk.sqlite"), DRIVE_REMOTE) == "网络驱动器 Z:"
    assert windows_share(PureWindowsPath(r"C:\desk.sqlite"), 3) is None  # DRIVE_FIXED


@pytest.mark.skipif(not Path("/proc/mounts").exists(), reason="reads the Linux mounts table")
@pytest.mark.parametrize("fs_type", ["nfs", "cifs", "smb3", "fuse.sshfs", "9p"])
def test_opening_a_database_on_a_share_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fs_type: str
) -> None:
    share = tmp_path / "share"  # the mount point: it exists, the folder inside it not yet
    share.mkdir()
    mounts = f"/dev/sda1 / ext4 rw 0 0\nsrv:/x {share} {fs_type} rw 0 0\n"
    monkeypatch.setattr(network_share, "read_mounts", lambda: mounts)
    with pytest.raises(StorageError) as refused:
        open_desk(str(share / "hall" / "desk.sqlite"), clock=FixedClock())
    assert fs_type in str(refused.value) and "PostgreSQL" in str(refused.value)
    assert "网络共享" in str(refused.value) and "migrate-to" in str(refused.value)
    assert not (share / "hall").exists()  # refused before the folder or the file was made


def test_a_database_on_a_local_disk_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mounts = f"/dev/sda1 / ext4 rw 0 0\nsrv:/x {tmp_path}/s nfs rw 0 0\n"
    monkeypatch.setattr(network_share, "read_mounts", lambda: mounts)
    open_desk(str(tmp_path / "local" / "desk.sqlite"), clock=FixedClock()).close()
    assert (tmp_path / "local" / "desk.sqlite").exists()


@pytest.mark.skipif(not Path("/proc/mounts").exists(), reason="reads the Linux mounts table")
def test_the_window_says_why_it_cannot_open_in_a_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Double-clicked, the program has no console: the refusal must show in a dialog, not only on stderr."""
    from app import cli
    from ui import app as ui_app

    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setattr(network_share, "read_mounts", lambda: f"srv:/x {share} cifs rw 0 0\n")
    monkeypatch.setattr(ui_app, "has_display", lambda: True)
    shown: list[str] = []
    monkeypatch.setattr(ui_app, "show_start_failure", shown.append)
    assert cli.main(["--db", str(share / "desk.sqlite")]) == cli.EXIT_ERROR
    assert len(shown) == 1 and "网络共享" in shown[0] and "cifs" in shown[0]
    assert shown[0] in capsys.readouterr().err
