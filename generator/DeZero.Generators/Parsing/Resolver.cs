using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;

namespace DeZero.Generators.Parsing;

/// <summary>
/// Settles the calls a method makes to functions without a generated gradient against the gathered
/// [DerivativeOf] registrations: each becomes a call to its supplied derivative, or an error.
/// </summary>
internal static class Resolver
{
    public static ParseResult Resolve(ParseResult parsed, EquatableArray<Registration> registrations)
    {
        if (parsed.Pending.Count == 0)
        {
            return parsed;
        }

        var gradients = new Dictionary<string, MemberRef>();
        foreach (var registration in registrations)
        {
            gradients[registration.Key] = registration.Gradient;
        }

        var diagnostics = parsed.Diagnostics.ToList();
        foreach (var pending in parsed.Pending)
        {
            if (!gradients.ContainsKey(pending.Key))
            {
                diagnostics.Add(pending.Via is null
                    ? new DiagnosticInfo(Descriptors.NotDifferentiableCall.Id, pending.Location, EquatableArray.Of(pending.Display, pending.Advice))
                    : new DiagnosticInfo(Descriptors.CalleeHasErrors.Id, pending.Location, EquatableArray.Of(pending.Via)));
            }
        }

        // An error the parse already let through (DZ0013 on an int parameter) keeps the model; new ones here do not.
        if (diagnostics.Skip(parsed.Diagnostics.Count).Any(Descriptors.IsError) || parsed.Spec is null)
        {
            return ParseResult.Failed(diagnostics.Distinct().ToEquatableArray());
        }

        var body = Rewriter.Map(parsed.Spec.Body, expr =>
            expr is UserCall { Gradient: null, Key: { } key } call ? call with { Gradient = gradients[key] } : expr);
        return new ParseResult(parsed.Spec with { Body = body }, diagnostics.ToEquatableArray(), EquatableArray<PendingCall>.Empty);
    }

    /// <summary>Two derivatives for one function: an error at each.</summary>
    public static IEnumerable<DiagnosticInfo> Duplicates(IEnumerable<RegistrationResult> registrations) =>
        registrations
            .Where(r => r.Registration is not null)
            .GroupBy(r => r.Registration!.Key)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(r => new DiagnosticInfo(
                Descriptors.DuplicateDerivative.Id, r.Location, EquatableArray.Of(group.Key.Substring(2), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)))));
}
