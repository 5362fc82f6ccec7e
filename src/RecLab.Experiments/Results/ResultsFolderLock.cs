using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Results;

/// <summary>
/// Keeps two processes from writing one results folder at cross purposes, with operating-system file locks that die
/// with their process (so a killed run never leaves a stale lock). A whole run, a merge into the folder and
/// <c>reclab report</c> lock it exclusively; a shard <c>i/n</c> takes it shared plus <c>i/n</c> exclusively, so the
/// shards of one experiment may write one shared folder together (the cells are separate, atomically written files)
/// while a second copy of the same shard, or a whole run, is refused. Each holder leaves a note (pid, host, what it
/// is, since when) beside its lock, which a refused process quotes.
/// </summary>
/// <remarks>
/// The locks are <c>flock</c>s on Unix (taken by <see cref="FileShare"/>), which Linux maps to whole-file POSIX locks
/// on NFS, so shards on several machines see each other's. On a file system without locking (NFS mounted
/// <c>nolock</c>) the lock is silently absent, as .NET treats locking as advisory; the shards still work.
/// </remarks>
public sealed class ResultsFolderLock : IDisposable
{
    private const string FolderLock = ".lock";
    private readonly List<(FileStream Stream, string Note)> _held = [];

    private ResultsFolderLock()
    {
    }

    /// <summary>Locks <paramref name="folder"/> (created if needed) for a whole run, a merge or a report.</summary>
    /// <param name="folder">The results folder.</param>
    /// <param name="purpose">What the holder is doing, quoted to a refused process (e.g. <c>reclab run default</c>).</param>
    /// <exception cref="ResultsFolderException">Another process holds the folder or one of its shards.</exception>
    public static ResultsFolderLock Exclusive(string folder, string purpose) => For(folder, ShardSpec.All, purpose);

    /// <summary>Locks <paramref name="folder"/> for the work of <paramref name="shard"/> (exclusively for <see cref="ShardSpec.All"/>).</summary>
    /// <exception cref="ResultsFolderException">Another process holds the folder exclusively, or holds the same shard.</exception>
    public static ResultsFolderLock For(string folder, ShardSpec shard, string purpose)
    {
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var held = new ResultsFolderLock();
        try
        {
            var whole = shard.Count == 1;
            held.Take(folder, FolderLock, exclusive: whole, purpose);
            if (!whole)
                held.Take(folder, ShardLock(shard), exclusive: true, purpose);
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// An exclusive lock held for a moment (checking and writing <c>experiment.yaml</c>), so that shards starting
    /// together cannot both find the folder empty and write different configurations: waits up to <paramref name="patience"/>.
    /// </summary>
    internal static IDisposable Briefly(string folder, TimeSpan patience)
    {
        var path = Path.Combine(folder, ".lock-configuration");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (HeldByAnother(e) && clock.Elapsed < patience)
            {
                Thread.Sleep(20);
            }
            catch (IOException e) when (HeldByAnother(e))
            {
                throw new ResultsFolderException($"{folder}: another process has been checking its configuration for {patience.TotalSeconds:0} s; try again.");
            }
        }
    }

    private static string ShardLock(ShardSpec shard) => $".lock-shard-{shard.Index}-of-{shard.Count}";

    private void Take(string folder, string name, bool exclusive, string purpose)
    {
        var path = Path.Combine(folder, name);
        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive lock, anything else a shared one; opened for writing, as NFS needs for exclusive locks.
            stream = exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException e) when (HeldByAnother(e))
        {
            // A whole run is kept out by any holder; a shard only by a whole run, or by the same shard.
            var only = exclusive && name == FolderLock ? null : name;
            throw new ResultsFolderException($"{folder} is in use by {Holders(folder, only)}. " +
                "Wait for it to finish, or give this run another --output folder.");
        }
        var note = path + ".json";
        if (exclusive)
        {
            var holder = new Holder(Environment.ProcessId, Environment.MachineName, purpose, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            AtomicFile.WriteAllText(note, JsonSerializer.Serialize(holder, CellStore.Json) + "\n");
        }
        _held.Add((stream, exclusive ? note : ""));
    }

    /// <summary>A lock held elsewhere: EWOULDBLOCK from flock on Linux (11) and macOS (35), a sharing violation on Windows.</summary>
    private static bool HeldByAnother(IOException e) =>
        e.GetType() == typeof(IOException) && (e.HResult is 11 or 35 || (e.HResult & 0xFFFF) is 32 or 33);

    /// <summary>Who holds the folder (or <paramref name="only"/> of its locks), from the notes of live holders.</summary>
    private static string Holders(string folder, string? only)
    {
        var notes = Directory.EnumerateFiles(folder, ".lock*.json")
            .Where(n => only is null || Path.GetFileName(n) == only + ".json")
            .Order(StringComparer.Ordinal)
            .Select(Read).OfType<Holder>().Where(h => h.MightBeAlive).Select(h => h.ToString()).ToList();
        return notes.Count == 0 ? "another process (it left no note saying which)" : string.Join("; ", notes);
    }

    private static Holder? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Holder>(File.ReadAllText(path), CellStore.Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Releases every lock and removes this process's notes.</summary>
    public void Dispose()
    {
        foreach (var (stream, note) in _held)
        {
            if (note.Length > 0)
            {
                try
                {
                    File.Delete(note);
                }
                catch (IOException)
                {
                    // A note left behind only names a holder that is gone; the lock itself dies with the stream.
                }
            }
            stream.Dispose();
        }
        _held.Clear();
    }

    private sealed record Holder(int Pid, string Host, string Purpose, string SinceUtc)
    {
        /// <summary>A note of a process on this machine is believed only while that process lives; others cannot be checked.</summary>
        public bool MightBeAlive
        {
            get
            {
                if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
                    return true;
                try
                {
                    using var process = Process.GetProcessById(Pid);
                    return !process.HasExited;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        public override string ToString() => $"{Purpose} (pid {Pid} on {Host}, since {SinceUtc})";
    }
}
