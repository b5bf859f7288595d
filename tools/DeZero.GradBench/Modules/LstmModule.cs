using System;
using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary>
/// <c>lstm</c>: <c>objective</c> is <see cref="Lstm.Objective"/>; <c>jacobian</c> its gradient in <c>main_params</c>
/// then <c>extra_params</c>, each row-major, concatenated (<c>8lb + 3b</c> numbers).
/// </summary>
internal sealed class LstmModule : Module
{
    /// <inheritdoc/>
    public override string Name => "lstm";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    /// <inheritdoc/>
    public override string WarmInput => """
        {"main_params":[[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8],[0.8,0.7,0.6,0.5,0.4,0.3,0.2,0.1]],
         "extra_params":[[0.1,0.2],[0.3,0.4],[0.5,0.6]],"state":[[0.1,0.2],[0.3,0.4]],
         "sequence":[[1,0],[0,1],[1,1]]}
        """;

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        // GradBench's sizes come from the arrays: l layers from 2l rows of main_params, b bits from their 4b columns,
        // c characters from the rows of sequence.
        double[] mainParams = JsonInput.Matrix(input, "main_params", -1, -1, out int mainRows, out int mainColumns);
        if (mainRows == 0 || mainRows % 2 != 0 || mainColumns == 0 || mainColumns % 4 != 0)
        {
            throw new InputException($"input.main_params: expected 2l rows of 4b numbers (l, b ≥ 1), got {mainRows} rows of {mainColumns}");
        }

        int l = mainRows / 2;
        int b = mainColumns / 4;
        double[] extraParams = JsonInput.Matrix(input, "extra_params", 3, b);
        double[] state = JsonInput.Matrix(input, "state", 2 * l, b);
        // Fewer than 2 characters leave nothing to predict: the loss is 0/0, NaN, as GradBench's.
        double[] sequence = JsonInput.Matrix(input, "sequence", -1, b, out int c, out _);

        if (function == "jacobian")
        {
            // The gradient of main_params then extra_params, one after the other, as one vector (GradBench's order).
            var gradient = new double[mainParams.Length + extraParams.Length];
            return new PreparedCall(
                () => Lstm.ObjectiveWithGradient(mainParams, extraParams, state, sequence, l, c, b, gradient.AsSpan(0, mainParams.Length), gradient.AsSpan(mainParams.Length)),
                w => JsonOutput.Vector(w, gradient));
        }

        double result = 0;
        return new PreparedCall(() => result = Lstm.Objective(mainParams, extraParams, state, sequence, l, c, b), w => JsonOutput.Number(w, result));
    }
}
