using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace DeZero.Benchmarks;

/// <summary>
/// Runs the cases: <c>-- --filter '*'</c> runs every benchmark (add <c>--job short --inProcess</c> for the short mode);
/// <c>-- generator</c> and <c>-- chain</c> run case 5's and case 4's timed console probes alone.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    public static void Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generator":
                GeneratorProbe.Run();
                return;
            case "chain":
                ChainProbe.Run();
                return;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

        // The lines the issue wants printed beside the table, for the cases that ran.
        var ran = summaries.SelectMany(s => s.BenchmarksCases).Select(c => c.Descriptor.Type).Distinct().ToList();
        if (ran.Contains(typeof(ChainBenchmarks)))
        {
            ChainProbe.Run();
        }

        if (ran.Contains(typeof(GeneratorBenchmarks)))
        {
            Console.WriteLine();
            GeneratorProbe.Run();
        }
    }
}
