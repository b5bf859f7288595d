using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary><c>llsq</c>: <c>primal</c> is <see cref="Llsq.Objective"/> of <c>x</c> over <c>n</c> points; <c>gradient</c> its gradient in <c>x</c>.</summary>
internal sealed class LlsqModule : Module
{
    /// <inheritdoc/>
    public override string Name => "llsq";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    /// <inheritdoc/>
    public override string WarmInput => """{"x":[0.5,0.25,0.125],"n":16}""";

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        double[] x = JsonInput.Vector(input, "x");
        int n = JsonInput.Int(input, "n", 0);
        if (function == "gradient")
        {
            var dx = new double[x.Length];
            return new PreparedCall(() => Llsq.ObjectiveWithGradient(x, n, dx), w => JsonOutput.Vector(w, dx));
        }

        double result = 0;
        return new PreparedCall(() => result = Llsq.Objective(x, n), w => JsonOutput.Number(w, result));
    }
}
