using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary>
/// <c>ode</c>: <c>primal</c> is the final state <see cref="Ode.Solve"/> gives for <c>x</c> and <c>s</c> steps;
/// <c>gradient</c> the gradient in <c>x</c> of its last element, <see cref="Ode.Last"/>.
/// </summary>
internal sealed class OdeModule : Module
{
    /// <inheritdoc/>
    public override string Name => "ode";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    /// <inheritdoc/>
    public override string WarmInput => """{"x":[0.5,0.25,0.75,1.0],"s":3}""";

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        double[] x = JsonInput.Vector(input, "x");
        if (x.Length == 0)
        {
            throw new InputException("input.x: expected at least one number, got none");
        }

        int s = JsonInput.Int(input, "s", 0);
        if (function == "gradient")
        {
            var dx = new double[x.Length];
            return new PreparedCall(() => Ode.LastWithGradient(x, s, dx), w => JsonOutput.Vector(w, dx));
        }

        var y = new double[x.Length];
        return new PreparedCall(() => Ode.Solve(x, s, y), w => JsonOutput.Vector(w, y));
    }
}
