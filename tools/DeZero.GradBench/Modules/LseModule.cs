using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary><c>lse</c>: <c>primal</c> is <see cref="Lse.LogSumExp"/> of <c>x</c>; <c>gradient</c> its gradient.</summary>
internal sealed class LseModule : Module
{
    /// <inheritdoc/>
    public override string Name => "lse";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    /// <inheritdoc/>
    public override string WarmInput => """{"x":[0.5,-1.25,2.0,0.75]}""";

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        double[] x = JsonInput.Vector(input, "x");
        if (x.Length == 0)
        {
            throw new InputException("input.x: expected at least one number, got none");
        }

        if (function == "gradient")
        {
            var dx = new double[x.Length];
            return new PreparedCall(() => Lse.LogSumExpWithGradient(x, dx), w => JsonOutput.Vector(w, dx));
        }

        double result = 0;
        return new PreparedCall(() => result = Lse.LogSumExp(x), w => JsonOutput.Number(w, result));
    }
}
