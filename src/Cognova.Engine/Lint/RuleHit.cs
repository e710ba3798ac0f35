namespace Cognova.Engine.Lint;

/// <summary>
/// What a rule found in one operation: the objects it concerns ("column tags.color"), what happens
/// to them ("drops column tags.color"), and the exact SQL statement an approval is bound to.
/// </summary>
public sealed record RuleHit(RuleInfo Rule, string Action, string Statement);
