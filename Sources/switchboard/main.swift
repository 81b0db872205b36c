import SwitchboardCLI

Switchboard.runMain()
