using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary><c>det</c>: <c>primal</c> is <see cref="Det.Determinant"/> of the row-major <c>A</c>; <c>gradient</c> its gradient, row-major.</summary>
internal sealed class DetModule : Module
{
    /// <inheritdoc/>
    public override string Name => "det";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    /// <inheritdoc/>
    public override string WarmInput => """{"A":[2,1,0,1,3,1,0,1,4],"ell":3}""";

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        int ell = JsonInput.Int(input, "ell", 1);
        if (ell > 46340)
        {
            throw new InputException($"input.ell: {ell} is too large");
        }

        double[] a = JsonInput.Vector(input, "A", ell * ell);
        if (function == "gradient")
        {
            var da = new double[ell * ell];
            return new PreparedCall(() => Det.DeterminantWithGradient(a, ell, da), w => JsonOutput.Vector(w, da));
        }

        double result = 0;
        return new PreparedCall(() => result = Det.Determinant(a, ell), w => JsonOutput.Number(w, result));
    }
}
