"""Runs SAM CLI's own environment resolution over the env file local/run writes for `sam local`.

`sam local invoke --env-vars FILE` overrides only variables the template declares; anything else
in FILE is silently dropped, and a function whose endpoint variables are dropped calls real AWS
with the developer's credentials. This resolves every function's environment exactly as SAM does
before it starts a container (no Docker needed) and fails if any variable of FILE is lost.

usage: sam-env-check.py TEMPLATE ENV_FILE   (run with the Python that has aws-sam-cli installed)
"""
import json
import sys

from samcli.lib.providers.sam_function_provider import SamFunctionProvider
from samcli.lib.providers.sam_stack_provider import SamLocalStackProvider
from samcli.local.lambdafn.env_vars import EnvironmentVariables


def main(template, env_file):
    with open(env_file, encoding="utf-8") as f:
        overrides = json.load(f)
    stacks, _ = SamLocalStackProvider.get_stacks(template)
    functions = {function.name: function for function in SamFunctionProvider(stacks).get_all()}
    lost = []
    checked = 0
    for name, wanted in overrides.items():
        if name == "Parameters":
            continue
        if name not in functions:
            lost.append(f"{name}: not a function of {template}")
            continue
        function = functions[name]
        declared = (function.environment or {}).get("Variables", {})
        resolved = EnvironmentVariables(function_name=name, variables=declared,
                                        override_values=wanted).resolve()
        for variable, value in wanted.items():
            checked += 1
            if resolved.get(variable) != str(value):
                lost.append(f"{name}: {variable} did not reach the function "
                            f"(SAM resolved {resolved.get(variable)!r})")
    if lost:
        print("sam-env-check: SAM drops these variables of " + env_file + ":", file=sys.stderr)
        for line in lost:
            print("  " + line, file=sys.stderr)
        sys.exit(1)
    print(f"sam-env-check: all {checked} variables of {len(overrides)} functions reach them under sam local")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
