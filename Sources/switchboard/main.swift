import SwitchboardCLI

await Switchboard.runMain()
