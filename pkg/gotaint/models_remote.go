package gotaint

// Remote execution is execution: a command run in a pod, a container or
// over SSH runs with that machine's privileges, as exec.Command runs with
// this one's. The packages are not marked as modelled (their code is not
// read in a scan anyway), so that using them does not by itself make a
// package worth analysing.
//
//   - Kubernetes exec (client-go's remotecommand SPDY or WebSocket executor
//     on the pods/exec subresource): the command is the Command field of
//     the k8s.io/api/core/v1 PodExecOptions the request is built from.
//   - Docker exec: the Cmd of the options given to ContainerExecCreate
//     (container.ExecOptions since docker v25, types.ExecConfig before) or
//     to the moby client's ExecCreate.
//   - SSH (golang.org/x/crypto/ssh): Session.Run, Start, Output and
//     CombinedOutput take a command line that the remote shell runs.
//   - A kubeconfig (client-go's clientcmd): a user entry may name an exec
//     credential plugin (users[].user.exec.command), which client-go runs
//     on this machine when it builds the client. A kubeconfig's content,
//     or the path of one, that a caller or a model chooses is a command
//     they choose.
func init() {
	const ssh = "(*golang.org/x/crypto/ssh.Session)."
	const clientcmd = "k8s.io/client-go/tools/clientcmd."
	library(Models{
		Sinks: allSinks(
			sinks(SinkModel{Kind: Exec, Args: []int{0}, What: "an SSH session's command"},
				ssh+"Run", ssh+"Start", ssh+"Output", ssh+"CombinedOutput"),
			sinks(SinkModel{Kind: Exec, Args: []int{0}, Inside: true, What: "a kubeconfig, whose exec credential plugin client-go runs"},
				clientcmd+"Load", clientcmd+"RESTConfigFromKubeConfig", clientcmd+"NewClientConfigFromBytes"),
			sinks(SinkModel{Kind: Exec, Args: []int{0}, Inside: true, What: "the path of a kubeconfig, whose exec credential plugin client-go runs"},
				clientcmd+"LoadFromFile"),
			sinks(SinkModel{Kind: Exec, Args: []int{1}, Inside: true, What: "the path of a kubeconfig, whose exec credential plugin client-go runs"},
				clientcmd+"BuildConfigFromFlags"),
		),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: Exec, What: "the command of a pod exec (PodExecOptions.Command)"},
				"k8s.io/api/core/v1.PodExecOptions.Command"),
			fieldSinks(FieldSink{Kind: Exec, What: "the command of a docker exec"},
				"github.com/docker/docker/api/types/container.ExecOptions.Cmd",
				"github.com/docker/docker/api/types.ExecConfig.Cmd",
				"github.com/moby/moby/client.ExecCreateOptions.Cmd"),
		),
	})
}
