# The release image, built by GoReleaser (dockers_v2 in .goreleaser.yaml)
# from the binary it has already built for each platform.
FROM gcr.io/distroless/static-debian12:nonroot
ARG TARGETPLATFORM
COPY ${TARGETPLATFORM}/apiaudit /usr/bin/apiaudit
WORKDIR /src
ENTRYPOINT ["/usr/bin/apiaudit"]
CMD ["scan", "."]
