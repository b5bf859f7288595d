using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace DeZero.PackageTests.Infrastructure;

/// <summary>A lock shared by every process on the machine that names the same repository folder.</summary>
/// <remarks>
/// Packing builds the runtime and the generator into their own obj/Release folders; two test runs in one work tree
/// (several people share it) must not do that at the same time.
/// </remarks>
internal static class CrossProcessLock
{
    /// <summary>Waits up to <paramref name="timeout"/> for the lock on <paramref name="folder"/>; dispose the result to release it.</summary>
    public static IDisposable Acquire(string purpose, string folder, TimeSpan timeout)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"dezero-{purpose}-{key}.lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing violation on Windows: either way, one holder.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
