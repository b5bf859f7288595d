using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary><c>hello</c>: <c>square</c> is <see cref="Hello.Square"/>, <c>double</c> its generated derivative.</summary>
internal sealed class HelloModule : Module
{
    /// <inheritdoc/>
    public override string Name => "hello";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["square", "double"];

    /// <inheritdoc/>
    public override string WarmInput => "1.5";

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        double x = JsonInput.Number(input, "input");
        double result = 0;
        return function == "square"
            ? new PreparedCall(() => result = Hello.Square(x), w => JsonOutput.Number(w, result))
            : new PreparedCall(() => result = Hello.SquareWithGradient(x).DX, w => JsonOutput.Number(w, result));
    }
}
