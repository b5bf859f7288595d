using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary>
/// One GradBench module (eval): turns an <c>evaluate</c> message's function and input into a <see cref="PreparedCall"/>,
/// with the input parsed and copied into plain arrays, so that only the call itself is timed.
/// </summary>
internal abstract class Module
{
    /// <summary>The module's name in <c>define</c> and <c>evaluate</c> messages.</summary>
    public abstract string Name { get; }

    /// <summary>The functions the eval calls, primal first.</summary>
    public abstract IReadOnlyList<string> Functions { get; }

    /// <summary>A small input of the eval's shape, run at <c>define</c> so that the timed runs find compiled code.</summary>
    public abstract string WarmInput { get; }

    /// <summary>Parses <paramref name="input"/> for <paramref name="function"/>; throws <see cref="InputException"/> naming what is wrong.</summary>
    public PreparedCall Prepare(string function, JsonElement input)
    {
        if (!Functions.Contains(function))
        {
            throw new InputException($"module '{Name}' has no function '{function}'; it has {string.Join(", ", Functions)}");
        }

        return PrepareKnown(function, input);
    }

    /// <summary>Runs every function that is supported on <see cref="WarmInput"/> a few times.</summary>
    public void Warm()
    {
        using JsonDocument document = JsonDocument.Parse(WarmInput);
        foreach (string function in Functions)
        {
            PreparedCall call = Prepare(function, document.RootElement);
            for (int i = 0; i < 3; i++)
            {
                call.Run();
            }

            using var writer = new Utf8JsonWriter(System.IO.Stream.Null);
            call.WriteOutput(writer);
        }
    }

    /// <summary>Parses the input of a function that <see cref="Functions"/> lists.</summary>
    protected abstract PreparedCall PrepareKnown(string function, JsonElement input);
}

/// <summary>A function of a module ready to run: <see cref="Run"/> is what is timed, <see cref="WriteOutput"/> writes its last result.</summary>
internal sealed class PreparedCall(Action run, Action<Utf8JsonWriter> writeOutput)
{
    /// <summary>Computes the function once, keeping the result for <see cref="WriteOutput"/>.</summary>
    public Action Run { get; } = run;

    /// <summary>Writes the result of the last <see cref="Run"/> as the response's <c>output</c>.</summary>
    public Action<Utf8JsonWriter> WriteOutput { get; } = writeOutput;
}
