"""Database failures a clerk can act on, told in Chinese: a full disk, a read-only file, a busy database.

The services receive a Storage (a Database whose units of work translate these failures), so neither
the window nor the command line ever shows a driver's traceback — which could carry personal data.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc
from sqlalchemy.orm import Session

from app.errors import StorageError
from db.engine import ATTEMPTS, Database, T, make_engine
from db.prepared import Reader

# (what the driver says, what the clerk is told); the first match wins
_KNOWN = (
    ("database or disk is full", "磁盘空间已满，无法保存。请清理磁盘或联系管理员，已填写的内容不会丢失。"),
    ("disk i/o error", "磁盘读写出错，无法保存。请检查磁盘或联系管理员，已填写的内容不会丢失。"),
    ("readonly database", "数据库文件是只读的，无法保存。请联系管理员检查文件权限。"),
    ("database is locked", "数据库正被其他窗口占用，请稍后再试。"),
    ("file is not a database", "该文件不是有效的数据库文件，请检查 --db 指定的路径。"),
    ("unable to open database file", "无法打开数据库文件：路径不存在或没有权限。"),
    ("deadlock detected", "与其他窗口同时保存发生冲突，本次未保存，请再试一次。"),
    ("could not serialize", "与其他窗口同时保存发生冲突，本次未保存，请再试一次。"),
    ("connection refused", "无法连接数据库服务器，请检查网络或联系管理员。"),
    ("could not connect", "无法连接数据库服务器，请检查网络或联系管理员。"),
    ("password authentication failed", "数据库服务器拒绝登录：用户名或密码不正确。"),
)


def storage_message(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).lower()
    for fragment, message in _KNOWN:
        if fragment in text:
            return message
    if isinstance(error, OSError):
        return f"无法读写文件：{getattr(error, 'filename', '') or ''}（{_os_reason(error)}）"
    return "数据库操作失败，请稍后重试；若反复出现，请联系管理员。"


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "路径不存在"
    if isinstance(error, PermissionError):
        return "没有权限"
    if isinstance(error, IsADirectoryError):
        return "这是一个文件夹"
    return "磁盘已满或设备出错" if error.errno == 28 else "系统错误"


@contextmanager
def translated() -> Iterator[None]:
    """Turn a storage failure inside the block into a StorageError with a Chinese message."""
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError, OSError) as error:
        raise StorageError(storage_message(error)) from error
    except exc.DatabaseError as error:
        if "not a database" not in str(error.orig):
            raise  # a constraint or SQL error is a bug, not something the clerk can act on
        raise StorageError(storage_message(error)) from error
    except exc.NoSuchModuleError as error:
        raise StorageError(f"不支持的数据库地址，或未安装其驱动（{error}）。") from error


class Storage(Database):
    @classmethod
    def open_target(cls, url: str) -> Storage:
        with translated():
            return cls(make_engine(url))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with translated(), super().reading() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        with translated(), super().reader() as reader:
            yield reader

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with translated(), super().writing() as session:
            yield session

    def write_retrying(self, work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
        with translated():
            return super().write_retrying(work, attempts)


def writable_copy(source: Path, target: Path) -> None:
    """Copy a finished document where the clerk asked for it; failures in Chinese."""
    with translated():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
