using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace AlignmentPolicy.Core.FileSystem;

/// <summary>What a path names, following symbolic links.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling link).</summary>
    Missing,

    /// <summary>A regular file: the only kind we read.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe: opening it for reading blocks until a writer appears.</summary>
    Fifo,

    /// <summary>A character device (/dev/zero never ends).</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>Symbolic links that point at each other without end.</summary>
    SymbolicLinkLoop,

    /// <summary>The type could not be determined; treated like a regular file.</summary>
    Unknown,
}

/// <summary>
/// Tells what a path is before anything opens it. .NET has no API for the file type on Unix (FileAttributes says
/// nothing of FIFOs or devices), and opening a FIFO for reading blocks forever, so on Unix the type comes from
/// stat(2) through the runtime's own native shim (libSystem.Native, present wherever .NET runs on Unix).
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000;
    private static readonly bool s_isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    private static bool s_nativeUnavailable;

    /// <summary>The kind of <paramref name="path"/>, links followed.</summary>
    public static FileKind Of(string path)
    {
        if (!s_isWindows && !s_nativeUnavailable)
        {
            try
            {
                return OfUnix(path);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                s_nativeUnavailable = true;
            }
        }

        return OfManaged(path);
    }

    /// <summary>How the kind is named in messages: "a named pipe (FIFO)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.SymbolicLinkLoop => "a loop of symbolic links",
        _ => "of an unknown kind",
    };

    /// <summary>Kinds a reader may open: regular files, and paths whose kind is unknown or that are missing (the open reports those).</summary>
    public static bool MayOpen(FileKind kind) => kind is FileKind.Regular or FileKind.Missing or FileKind.Unknown;

    private static FileKind OfUnix(string path)
    {
        // struct FileStatus of System.Native starts { int32 Flags; int32 Mode; ... }; Mode carries S_IFMT.
        var status = new byte[256];
        if (NativeMethods.Stat(NullTerminatedUtf8(path), status) != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            // ELOOP is 40 on Linux, 62 on macOS and the BSDs.
            if (errno == 40 || errno == 62)
            {
                return FileKind.SymbolicLinkLoop;
            }

            return File.Exists(path) || Directory.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        }

        var mode = BitConverter.ToInt32(status, 4);
        return (mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    private static FileKind OfManaged(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        try
        {
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.Regular;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileKind.Unknown;
        }
    }

    private static byte[] NullTerminatedUtf8(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int Stat(byte[] path, byte[] status);
    }
}

/// <summary>A path that names something other than a regular file where one is expected.</summary>
public sealed class NotARegularFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public NotARegularFileException(string path, FileKind kind)
        : base($"'{Diagnostics.DisplayText.Of(path, 400)}' is {FileKinds.Describe(kind)}, not a regular file; it is not opened.")
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The path.</summary>
    public string Path { get; }

    /// <summary>What it is.</summary>
    public FileKind Kind { get; }
}

/// <summary>Reads files that must be regular files, checking the kind first so that a FIFO or a device is never opened.</summary>
public static class RegularFile
{
    /// <summary>Throws <see cref="NotARegularFileException"/> (an <see cref="IOException"/>) unless the path may be opened.</summary>
    public static void EnsureReadable(string path)
    {
        var kind = FileKinds.Of(path);
        if (!FileKinds.MayOpen(kind))
        {
            throw new NotARegularFileException(path, kind);
        }
    }

    /// <summary><see cref="File.ReadAllBytes"/> of a regular file.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        EnsureReadable(path);
        return File.ReadAllBytes(path);
    }
}
