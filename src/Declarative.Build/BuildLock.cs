using System.Diagnostics;

namespace Declarative.Build;

/// <summary>
/// One build host at a time per artifacts directory. Two builds of one project (an IDE and a terminal) would otherwise
/// train the same pipelines at once and delete each other's temporary files. The lock is an open file shared with
/// no one: the operating system releases it when its holder exits, even on kill -9, so it is never left stale.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    public const string FileName = ".declarative.lock";

    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> while another build holds it (saying so once through
    /// <paramref name="waiting"/>); <see langword="null"/> when it is still held after that.
    /// </summary>
    public static BuildLock? Acquire(string directory, TimeSpan timeout, Action<string>? waiting = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var clock = Stopwatch.StartNew();
        var said = false;
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                if (!said)
                {
                    waiting?.Invoke($"another build of this project is training ({path}); waiting for it, then using what it trained");
                    said = true;
                }

                Thread.Sleep(TimeSpan.FromMilliseconds(250));
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
