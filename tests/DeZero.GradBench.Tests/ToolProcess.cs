using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DeZero.GradBench.Tests;

/// <summary>The built tool, started as GradBench starts it: messages written to its standard input, one per line.</summary>
internal static class ToolProcess
{
    /// <summary>The tool's assembly, built beside the tests by the project reference.</summary>
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "DeZero.GradBench.dll");

    /// <summary>
    /// Plays <paramref name="messages"/> as one session, closes standard input, and returns every line of standard
    /// output parsed as JSON, with standard error; asserts the tool exits 0 at the end of its input.
    /// </summary>
    public static (IReadOnlyList<JsonObject> Responses, string Log) Play(IEnumerable<string> messages)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardInput.NewLine = "\n";
        foreach (string message in messages)
        {
            process.StandardInput.WriteLine(message);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the tool did not exit at the end of its input");
        string log = error.Result;
        Assert.True(process.ExitCode == 0, $"the tool exited with {process.ExitCode}: {log}");

        // Nothing but responses on standard output: every line must be a JSON object.
        var responses = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line) as JsonObject ?? throw new Xunit.Sdk.XunitException($"not a JSON object: {line}"))
            .ToArray();
        return (responses, log);
    }
}
