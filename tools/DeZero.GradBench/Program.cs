using System;
using System.IO;
using System.Text;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench;

/// <summary>The GradBench tool: serves GradBench's protocol on standard input and output.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bench")
        {
            return Bench.BenchDriver.Run(args.AsSpan(1), Console.Error);
        }

        if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: DeZero.GradBench                      serve GradBench's protocol on stdin/stdout");
            Console.Error.WriteLine("       DeZero.GradBench bench [options]      time every eval; see tools/DeZero.GradBench/README.md");
            return 2;
        }

        // Standard output carries responses only; every log line goes to standard error.
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false, 1 << 16);
        using Stream output = Console.OpenStandardOutput();
        new Session(input, output, Console.Error).Run();
        return 0;
    }
}
