using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DeZero.Generators.Tests.Sample;

/// <summary>Runs a sample built beside the tests (a project reference) as its own process, as a user does.</summary>
internal static class SampleProcess
{
    /// <summary>
    /// Runs <paramref name="assemblyName"/>'s dll with <c>dotnet exec</c> from the temp folder and returns what it printed;
    /// fails unless it exits with 0 and writes nothing to standard error.
    /// </summary>
    public static async Task<string> RunAsync(string assemblyName)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"{assemblyName} exited with {process.ExitCode}:\n{await error}");
        Assert.Equal(string.Empty, await error);
        return (await output).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
