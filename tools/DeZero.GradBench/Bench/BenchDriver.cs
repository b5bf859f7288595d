using System;
using System.IO;

namespace DeZero.GradBench.Bench;

/// <summary>Placeholder until the driver lands.</summary>
internal static class BenchDriver
{
    /// <summary>Runs the benchmark.</summary>
    public static int Run(ReadOnlySpan<string> args, TextWriter log)
    {
        log.WriteLine(args.Length);
        return 1;
    }
}
